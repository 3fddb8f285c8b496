/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import type { Campaign } from '../../api/types';
import { I18nProvider } from '../../i18n/i18n';
import { enterpriseQuery } from '../../reference/enterprise-search';
import { emptyVisit, validateVisit, VisitForm, type VisitValues } from './visit-form';

const campaign = { id: 'c1', name: '诊断畅通' } as Campaign;

function Harness({
  onSubmit,
  serverErrors,
}: {
  onSubmit: (v: VisitValues) => void;
  serverErrors?: Record<string, string>;
}): ReactNode {
  const [values, setValues] = useState(emptyVisit);
  return (
    <I18nProvider locale="en">
      <VisitForm
        values={values}
        onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        campaigns={[campaign]}
        searchEnterprises={async () => ({
          items: [{ id: 'e1', name: 'Zhengzhou Heavy', uscc: '91410100MA0000000T' } as never],
          nextCursor: null,
        })}
        onSubmit={onSubmit}
        serverErrors={serverErrors ?? {}}
      />
    </I18nProvider>
  );
}

describe('the visit form', () => {
  it('names every missing field next to it and sends nothing', () => {
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save the visit' }));
    expect(onSubmit).not.toHaveBeenCalled();
    const search = screen.getByLabelText(/Find an enterprise/u);
    expect(search.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(String(search.getAttribute('aria-describedby')))?.textContent).toBe(
      'Pick an enterprise from the results.',
    );
    const campaignSelect = screen.getByLabelText(/Campaign/u);
    expect(campaignSelect.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('group', { name: /Kind of visit/u }).getAttribute('aria-invalid')).toBe('true');
  });

  it('finds the enterprise, then submits the values', async () => {
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText(/Find an enterprise/u), { target: { value: 'Zheng' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Search' })));
    fireEvent.click(screen.getByLabelText(/Zhengzhou Heavy/u));
    expect(screen.getByText('Selected: Zhengzhou Heavy')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Campaign/u), { target: { value: 'c1' } });
    fireEvent.click(screen.getByLabelText('Follow-up'));
    fireEvent.change(screen.getByLabelText('Summary'), { target: { value: 'ok' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the visit' }));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ enterpriseId: 'e1', campaignId: 'c1', kind: 'follow_up', summary: 'ok' }),
    );
  });

  it("shows the API's error next to the field it names", () => {
    render(<Harness onSubmit={jest.fn()} serverErrors={{ visitedOn: 'visitedOn must be within the campaign' }} />);
    const day = screen.getByLabelText(/Date of the visit/u);
    expect(document.getElementById(String(day.getAttribute('aria-describedby')))?.textContent).toBe(
      'visitedOn must be within the campaign',
    );
  });

  it('refuses a day in the future or not a day, and a summary over 4000 characters', () => {
    const base = { ...emptyVisit(), enterpriseId: 'e', campaignId: 'c', kind: 'gm_visit' as const };
    expect(validateVisit({ ...base, visitedOn: '2026-03-05' }, '2026-03-05')).toEqual({});
    expect(validateVisit({ ...base, visitedOn: '2026-03-06' }, '2026-03-05')).toEqual({ visitedOn: 'form.futureDate' });
    expect(validateVisit({ ...base, visitedOn: '5/3/2026' }, '2026-03-05')).toEqual({ visitedOn: 'form.invalidDate' });
    expect(validateVisit({ ...base, visitedOn: '2026-03-05', summary: 'x'.repeat(4001) }, '2026-03-05')).toEqual({
      summary: 'form.tooLong',
    });
  });

  it('searches by credit code when the text is one, else by name', () => {
    // T is the GB 32100-2015 check character of these 17; a code that fails its check is searched as a name.
    expect(enterpriseQuery(' 91410100ma0000000t ')).toEqual({ uscc: '91410100MA0000000T' });
    expect(enterpriseQuery('91410100MA00000000')).toEqual({ q: '91410100MA00000000' });
    expect(enterpriseQuery('郑州重工')).toEqual({ q: '郑州重工' });
  });
});
