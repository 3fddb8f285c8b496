/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { I18nProvider } from '../../i18n/i18n';
import {
  contractServerErrors,
  emptyContract,
  LoansForm,
  validateContract,
  validateLoans,
  type ContractValues,
  type SignLoansBody,
} from './loans-form';

const TODAY = '2026-11-20';

function Harness({
  onSubmit,
  serverErrors,
}: {
  onSubmit: (body: SignLoansBody) => void;
  serverErrors?: { field: string; message: string }[];
}): ReactNode {
  const [contracts, setContracts] = useState<ContractValues[]>([emptyContract('2026-11-01')]);
  return (
    <I18nProvider locale="en">
      <LoansForm
        expectedVersion={7}
        contracts={contracts}
        onChange={setContracts}
        onSubmit={onSubmit}
        banks={[{ id: 'b2', name: 'Zhongyuan Bank' }]}
        {...(serverErrors ? { serverErrors } : {})}
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

const good: ContractValues = {
  amount: '1,250,000.05',
  annualRatePct: '3.45',
  termMonths: '36',
  signedOn: '2026-11-19',
  contractNo: 'ZZB-2026-0001',
  bankId: '',
};

describe('the loan contracts form', () => {
  it('names every missing field of a contract and sends nothing', () => {
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sign the contracts' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorOf(screen.getByLabelText(/Amount \(yuan\)/u))).toBe('Required.');
    expect(errorOf(screen.getByLabelText(/Annual rate/u))).toBe('Required.');
    expect(errorOf(screen.getByLabelText(/Term \(months\)/u))).toBe('Required.');
    expect(errorOf(screen.getByLabelText(/Contract number/u))).toBe('Required.');
  });

  it('keeps amounts exact: two contracts, one at another bank, sent as decimal strings', () => {
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add a contract' }));
    const amounts = screen.getAllByLabelText(/Amount \(yuan\)/u);
    const rates = screen.getAllByLabelText(/Annual rate/u);
    const terms = screen.getAllByLabelText(/Term \(months\)/u);
    const numbers = screen.getAllByLabelText(/Contract number/u);
    const dates = screen.getAllByLabelText(/Signed on/u);
    fireEvent.change(amounts[0] as HTMLElement, { target: { value: '12345678901234567.00' } });
    fireEvent.change(amounts[1] as HTMLElement, { target: { value: '0.105' } });
    fireEvent.change(rates[0] as HTMLElement, { target: { value: '3.45' } });
    fireEvent.change(rates[1] as HTMLElement, { target: { value: '4.1234' } });
    fireEvent.change(terms[0] as HTMLElement, { target: { value: '36' } });
    fireEvent.change(terms[1] as HTMLElement, { target: { value: '12.5' } });
    fireEvent.change(numbers[0] as HTMLElement, { target: { value: 'A-1' } });
    fireEvent.change(numbers[1] as HTMLElement, { target: { value: 'B-1' } });
    fireEvent.change(dates[1] as HTMLElement, { target: { value: '2026-11-02' } });
    fireEvent.change(screen.getAllByLabelText(/Lending bank/u)[1] as HTMLElement, { target: { value: 'b2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign the contracts' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorOf(amounts[0] as HTMLElement)).toBe('The amount is too large.');
    expect(errorOf(amounts[1] as HTMLElement)).toBe('At most two decimals (fen).');
    expect(errorOf(rates[1] as HTMLElement)).toBe('Enter a rate above 0 and below 100, at most three decimals.');
    expect(errorOf(terms[1] as HTMLElement)).toBe('Enter a whole number of months from 1 to 600.');

    fireEvent.change(amounts[0] as HTMLElement, { target: { value: '9,007,199,254,740,993.01' } });
    fireEvent.change(amounts[1] as HTMLElement, { target: { value: '0.10' } });
    fireEvent.change(rates[1] as HTMLElement, { target: { value: '4.125' } });
    fireEvent.change(terms[1] as HTMLElement, { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign the contracts' }));
    expect(onSubmit).toHaveBeenCalledWith({
      expectedVersion: 7,
      contracts: [
        {
          amount: '9007199254740993.01',
          annualRatePct: '3.45',
          termMonths: 36,
          signedOn: '2026-11-01',
          contractNo: 'A-1',
        },
        {
          amount: '0.10',
          annualRatePct: '4.125',
          termMonths: 12,
          signedOn: '2026-11-02',
          contractNo: 'B-1',
          bankId: 'b2',
        },
      ],
    });
  });

  it('shows the API field errors of each contract next to its field', () => {
    render(<Harness onSubmit={jest.fn()} serverErrors={[{ field: 'contracts.0.contractNo', message: 'taken' }]} />);
    expect(errorOf(screen.getByLabelText(/Contract number/u))).toBe('taken');
    expect(contractServerErrors([{ field: 'contracts.1.amount', message: 'm' }], 1)).toEqual({ amount: 'm' });
  });

  it('refuses a zero rate, a future or impossible date, and an empty list', () => {
    const check = (patch: Partial<ContractValues>): unknown => {
      const result = validateContract({ ...good, ...patch }, TODAY);
      return result.ok ? result.body : result.errors;
    };
    expect(check({ annualRatePct: '0.000' })).toEqual({ annualRatePct: 'loans.badRate' });
    expect(check({ annualRatePct: '100' })).toEqual({ annualRatePct: 'loans.badRate' });
    expect(check({ signedOn: '2026-11-21' })).toEqual({ signedOn: 'form.futureDate' });
    expect(check({ signedOn: '2026-02-30' })).toEqual({ signedOn: 'form.invalidDate' });
    expect(check({ termMonths: '601' })).toEqual({ termMonths: 'loans.badTerm' });
    expect(check({})).toEqual({
      amount: '1250000.05',
      annualRatePct: '3.45',
      termMonths: 36,
      signedOn: '2026-11-19',
      contractNo: 'ZZB-2026-0001',
    });
    expect(validateLoans([], 1, TODAY)).toEqual({ ok: false, errors: [] });
  });

  it('checks the loan outcome: maturity after signing, a guaranteed loan with its institution and fee rate', () => {
    const check = (patch: Partial<ContractValues>): unknown => {
      const result = validateContract({ ...good, ...patch }, TODAY);
      return result.ok ? result.body : result.errors;
    };
    expect(check({ maturesOn: '2026-11-19' })).toEqual({ maturesOn: 'loanOutcome.maturityAfterSigning' });
    expect(check({ maturesOn: '2027-02-30' })).toEqual({ maturesOn: 'form.invalidDate' });
    expect(check({ security: 'guarantee' })).toEqual({
      guaranteeInstitutionId: 'loanOutcome.needGuarantor',
      guaranteeFeeRatePct: 'form.required',
    });
    expect(check({ security: 'guarantee', guaranteeInstitutionId: 'g', guaranteeFeeRatePct: '10.5' })).toEqual({
      guaranteeFeeRatePct: 'loanOutcome.badFeeRate',
    });
    expect(
      check({
        maturesOn: '2029-11-19',
        firstLoan: true,
        security: 'guarantee',
        guaranteeInstitutionId: 'g',
        guaranteeFeeRatePct: ' 0.8 ',
        renewal: 'renewal_without_repayment',
        policyInstruments: ['relending', 'guarantee_fee_subsidy'],
      }),
    ).toEqual({
      amount: '1250000.05',
      annualRatePct: '3.45',
      termMonths: 36,
      signedOn: '2026-11-19',
      contractNo: 'ZZB-2026-0001',
      maturesOn: '2029-11-19',
      firstLoan: true,
      security: 'guarantee',
      guaranteeInstitutionId: 'g',
      guaranteeFeeRatePct: '0.8',
      renewal: 'renewal_without_repayment',
      policyInstruments: ['relending', 'guarantee_fee_subsidy'],
    });
    // A credit loan sends no guarantee, whatever a draft kept.
    expect(check({ security: 'credit', guaranteeInstitutionId: 'g', guaranteeFeeRatePct: '1' })).toMatchObject({
      security: 'credit',
    });
    expect(check({ security: 'credit', guaranteeInstitutionId: 'g' })).not.toHaveProperty('guaranteeInstitutionId');
  });

  it('asks the loan outcome in the form: a guarantee institution only for a guaranteed loan', () => {
    const onSubmit = jest.fn();
    render(<Harness onSubmit={onSubmit} />);
    expect(screen.queryByLabelText(/Guarantee institution/u)).toBeNull();
    fireEvent.change(screen.getByLabelText(/^Security/u), { target: { value: 'guarantee' } });
    expect(screen.getByLabelText(/Guarantee institution/u)).toBeTruthy();
    expect(screen.getByLabelText(/Guarantee fee rate/u)).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Relending' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Renewal without repayment' })).toBeTruthy();
  });
});
