/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import type { DiagnoseBody } from '../../api/types';
import { I18nProvider } from '../../i18n/i18n';
import { DiagnoseForm, emptyDiagnosis, validateDiagnosis } from './diagnose-form';

function Harness({ onSubmit }: { onSubmit: (body: DiagnoseBody) => void }): ReactNode {
  const [values, setValues] = useState(emptyDiagnosis);
  return (
    <I18nProvider locale="zh-CN">
      <DiagnoseForm
        visitId="v1"
        values={values}
        onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        onSubmit={onSubmit}
      />
    </I18nProvider>
  );
}

/** The error a field announces: the `-error` element among its `aria-describedby` ids. */
function errorOf(element: HTMLElement): string | undefined {
  const id = String(element.getAttribute('aria-describedby'))
    .split(' ')
    .find((ref) => ref.endsWith('-error'));
  return id === undefined ? undefined : (document.getElementById(id)?.textContent ?? undefined);
}

describe('the diagnosis form', () => {
  it('asks for an amount, a purpose, a term and at least one bottleneck, in Chinese', () => {
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} />);
    fireEvent.click(screen.getByRole('button', { name: '建立需求' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorOf(screen.getByLabelText(/需求金额/u))).toBe('必填。');
    expect(errorOf(screen.getByLabelText(/资金用途/u))).toBe('请选择用途');
    expect(screen.getByRole('group', { name: /融资堵点/u }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('请至少勾选一个堵点。')).toBeTruthy();
  });

  it('refuses an amount with three decimals and sends the exact decimal otherwise', () => {
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} />);
    const amount = screen.getByLabelText(/需求金额/u);
    fireEvent.change(amount, { target: { value: '1,250,000.555' } });
    fireEvent.change(screen.getByLabelText(/资金用途/u), { target: { value: 'equipment_upgrade' } });
    fireEvent.click(screen.getByLabelText('中长期'));
    fireEvent.click(screen.getByLabelText('抵押物不足'));
    fireEvent.click(screen.getByLabelText('审批慢'));
    fireEvent.click(screen.getByRole('button', { name: '建立需求' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorOf(amount)).toBe('最多两位小数（分）。');

    fireEvent.change(amount, { target: { value: '1,250,000.5' } });
    fireEvent.click(screen.getByRole('button', { name: '建立需求' }));
    expect(onSubmit).toHaveBeenCalledWith({
      visitId: 'v1',
      requestedAmount: '1250000.50',
      purpose: 'equipment_upgrade',
      term: 'medium_long',
      bottlenecks: ['collateral_shortage', 'slow_approval'],
    });
  });

  it('maps each amount problem to its message', () => {
    const values = {
      ...emptyDiagnosis(),
      purpose: 'other' as const,
      term: 'short' as const,
      bottlenecks: ['other' as const],
    };
    const amountError = (requestedAmount: string): unknown => {
      const result = validateDiagnosis({ ...values, requestedAmount }, 'v');
      return result.ok ? result.body.requestedAmount : result.errors.requestedAmount;
    };
    expect(amountError('0')).toBe('money.notPositive');
    expect(amountError('abc')).toBe('money.invalid');
    expect(amountError('99999999999999999')).toBe('money.tooLarge');
    expect(amountError('88')).toBe('88.00');
  });
});
