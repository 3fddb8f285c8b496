/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { I18nProvider } from '../../i18n/i18n';
import { DeclineForm, emptyDecline, validateDecline, type DeclineBody, type DeclineReasonOption } from './decline-form';

const REASONS: DeclineReasonOption[] = [
  { code: 'credit_risk', name: '信用风险', repairable: false, repairPath: null },
  { code: 'tax_arrears', name: '存在欠税', repairable: true, repairPath: '到主管税务机关办理欠税清缴或分期缴纳' },
  { code: 'other', name: '其他', repairable: false, repairPath: null },
];

function Harness({ onSubmit }: { onSubmit: (body: DeclineBody) => void }): ReactNode {
  const [values, setValues] = useState(emptyDecline);
  return (
    <I18nProvider locale="zh-CN">
      <DeclineForm
        expectedVersion={4}
        reasons={REASONS}
        values={values}
        onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        onSubmit={onSubmit}
      />
    </I18nProvider>
  );
}

function errorOf(element: HTMLElement): string | undefined {
  const id = String(element.getAttribute('aria-describedby'))
    .split(' ')
    .find((ref) => ref.endsWith('-error'));
  return id === undefined ? undefined : (document.getElementById(id)?.textContent ?? undefined);
}

describe('the decline form', () => {
  it('asks for a reason, in Chinese, and sends nothing without one', () => {
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} />);
    fireEvent.click(screen.getByRole('button', { name: '拒绝' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorOf(screen.getByLabelText(/拒绝原因/u))).toBe('请选择原因');
  });

  it('wants an explanation when the reason is "other", and sends the expected version', () => {
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText(/拒绝原因/u), { target: { value: 'other' } });
    fireEvent.click(screen.getByRole('button', { name: '拒绝' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorOf(screen.getByLabelText(/说明/u))).toBe('原因为“其他”，请填写说明。');

    fireEvent.change(screen.getByLabelText(/说明/u), { target: { value: '  企业已获他行授信  ' } });
    fireEvent.click(screen.getByRole('button', { name: '拒绝' }));
    expect(onSubmit).toHaveBeenCalledWith({ reason: 'other', text: '企业已获他行授信', expectedVersion: 4 });
  });

  it('offers the catalogue by name, marks a repairable reason and shows its repair path once chosen', () => {
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} />);
    const select = screen.getByLabelText(/拒绝原因/u);
    const labels = Array.from(select.querySelectorAll('option')).map((o) => o.textContent);
    expect(labels).toEqual(['请选择原因', '信用风险', '存在欠税（可修复：将转入二次诊断）', '其他']);
    expect(screen.queryByTestId('decline-repair')).toBeNull();
    fireEvent.change(select, { target: { value: 'tax_arrears' } });
    expect(screen.getByTestId('decline-repair').textContent).toContain(
      '修复路径：到主管税务机关办理欠税清缴或分期缴纳',
    );
    fireEvent.click(screen.getByRole('button', { name: '拒绝' }));
    expect(onSubmit).toHaveBeenCalledWith({ reason: 'tax_arrears', expectedVersion: 4 });
  });

  it('sends a listed reason without text, and refuses a text that is too long', () => {
    expect(validateDecline({ reason: 'credit_risk', text: ' ' }, 2)).toEqual({
      ok: true,
      body: { reason: 'credit_risk', expectedVersion: 2 },
    });
    expect(validateDecline({ reason: 'credit_risk', text: 'x'.repeat(4001) }, 2)).toEqual({
      ok: false,
      errors: { text: 'form.tooLong' },
    });
  });
});
