/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { I18nProvider } from '../../i18n/i18n';
import { CloseForm, emptyClose, validateClose, type CloseBody } from './close-form';
import { emptyExtend, ExtendForm, validateExtend, type ExtendBody } from './extend-form';
import { emptyReassign, ReassignForm, validateReassign, type ReassignBody } from './reassign-form';

const BANKS = [
  { id: 'b1', name: '郑州银行' },
  { id: 'b2', name: '中原银行' },
];
const NOW = new Date('2026-03-02T02:00:00Z'); // 10:00 in Shanghai

function errorOf(element: HTMLElement): string | undefined {
  const id = String(element.getAttribute('aria-describedby'))
    .split(' ')
    .find((ref) => ref.endsWith('-error'));
  return id === undefined ? undefined : (document.getElementById(id)?.textContent ?? undefined);
}

function Reassign({ onSubmit }: { onSubmit: (body: ReassignBody) => void }): ReactNode {
  const [values, setValues] = useState(emptyReassign);
  return (
    <I18nProvider locale="zh-CN">
      <ReassignForm
        banks={BANKS}
        currentBankId="b1"
        version={4}
        values={values}
        onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        onSubmit={onSubmit}
      />
    </I18nProvider>
  );
}

function Extend({ onSubmit }: { onSubmit: (body: ExtendBody) => void }): ReactNode {
  const [values, setValues] = useState(emptyExtend);
  return (
    <I18nProvider locale="en">
      <ExtendForm
        version={2}
        now={() => NOW}
        values={values}
        onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        onSubmit={onSubmit}
      />
    </I18nProvider>
  );
}

function Close({ onSubmit }: { onSubmit: (body: CloseBody) => void }): ReactNode {
  const [values, setValues] = useState(emptyClose);
  return (
    <I18nProvider locale="zh-CN">
      <CloseForm
        version={7}
        values={values}
        onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        onSubmit={onSubmit}
      />
    </I18nProvider>
  );
}

describe('the supervisor’s case forms', () => {
  it('reassign: asks for a bank other than the current one, in Chinese', () => {
    const onSubmit = jest.fn();
    render(<Reassign onSubmit={onSubmit} />);
    const bank = screen.getByLabelText(/^银行/u);
    fireEvent.click(screen.getByRole('button', { name: '改派' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorOf(bank)).toBe('请选择银行');

    fireEvent.change(bank, { target: { value: 'b1' } });
    fireEvent.click(screen.getByRole('button', { name: '改派' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorOf(bank)).toBe('该需求已在这家银行。');

    fireEvent.change(bank, { target: { value: 'b2' } });
    fireEvent.change(screen.getByLabelText('备注'), { target: { value: '  链长行未按时认领  ' } });
    fireEvent.click(screen.getByRole('button', { name: '改派' }));
    expect(onSubmit).toHaveBeenCalledWith({ bankId: 'b2', expectedVersion: 4, note: '链长行未按时认领' });
  });

  it('extend: refuses a missing or past deadline and sends Shanghai wall time as an instant', () => {
    const onSubmit = jest.fn();
    render(<Extend onSubmit={onSubmit} />);
    const until = screen.getByLabelText(/New deadline/u);
    fireEvent.click(screen.getByRole('button', { name: 'Extend' }));
    expect(errorOf(until)).toBe('Required.');

    fireEvent.change(until, { target: { value: '2026-03-02T09:59' } });
    fireEvent.click(screen.getByRole('button', { name: 'Extend' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorOf(until)).toBe('The new deadline must be in the future.');

    fireEvent.change(until, { target: { value: '2026-03-05T18:00' } });
    fireEvent.change(screen.getByLabelText('Deadline'), { target: { value: 'claim' } });
    fireEvent.click(screen.getByRole('button', { name: 'Extend' }));
    expect(onSubmit).toHaveBeenCalledWith({
      until: '2026-03-05T10:00:00.000Z',
      obligation: 'claim',
      expectedVersion: 2,
    });
  });

  it('close: asks for a resolution, and a note when it is "other"', () => {
    const onSubmit = jest.fn();
    render(<Close onSubmit={onSubmit} />);
    const resolution = screen.getByLabelText(/^处理结果/u);
    fireEvent.click(screen.getByRole('button', { name: '关闭需求' }));
    expect(errorOf(resolution)).toBe('请选择处理结果');

    fireEvent.change(resolution, { target: { value: 'other' } });
    fireEvent.click(screen.getByRole('button', { name: '关闭需求' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorOf(screen.getByLabelText('备注'))).toBe('请在备注中说明处理情况。');

    fireEvent.change(resolution, { target: { value: 'duplicate' } });
    fireEvent.click(screen.getByRole('button', { name: '关闭需求' }));
    expect(onSubmit).toHaveBeenCalledWith({ resolution: 'duplicate', expectedVersion: 7 });
  });

  it('validates without a form too: malformed times and overlong notes', () => {
    expect(validateExtend({ until: '2026-13-45', obligation: '', note: '' }, NOW, 1)).toEqual({
      ok: false,
      errors: { until: 'supervisor.invalidDateTime' },
    });
    expect(validateReassign({ bankId: 'b2', note: 'x'.repeat(4001) }, 'b1', 1)).toEqual({
      ok: false,
      errors: { note: 'form.tooLong' },
    });
    expect(validateClose({ resolution: 'withdrawn', note: ' ' }, 3)).toEqual({
      ok: true,
      body: { resolution: 'withdrawn', expectedVersion: 3 },
    });
  });
});
