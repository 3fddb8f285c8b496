import {
  GUARANTEE_FEE_RATE_PATTERN,
  type LoanRenewal,
  type LoanSecurity,
  type PolicyInstrument,
} from '@unblock/domain';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Schemas } from '../../api/types';
import { focusFirstError, SelectField, TextField } from '../../components/fields';
import { LoanOutcomeFields } from './loan-outcome-fields';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';
import { todayInShanghai } from '../../lib/dates';
import { MoneyField } from '../../components/money-field';
import { parseMoneyInput } from '../../lib/money';

export type SignLoansBody = Schemas['SignLoansDto'];
export type LoanContractBody = Schemas['LoanContractDto'];

export interface ContractValues {
  amount: string;
  annualRatePct: string;
  termMonths: string;
  signedOn: string;
  contractNo: string;
  /** Empty: the manager's own bank. */
  bankId: string;
  /** The loan's outcome (optional: a draft saved before they were asked has none). */
  maturesOn?: string;
  firstLoan?: boolean;
  /** Empty: not given. */
  security?: LoanSecurity | '';
  guaranteeInstitutionId?: string;
  guaranteeFeeRatePct?: string;
  renewal?: LoanRenewal;
  policyInstruments?: PolicyInstrument[];
}

export type ContractField = keyof ContractValues;
export type ContractErrors = Partial<Record<ContractField, MessageKey>>;

export const CONTRACT_NO_MAX = 64;
export const TERM_MONTHS_MAX = 600;
const RATE = /^(?!0+(\.0+)?$)\d{1,2}(\.\d{1,3})?$/u;
const DAY = /^\d{4}-\d{2}-\d{2}$/u;

export function emptyContract(today = todayInShanghai()): ContractValues {
  return {
    amount: '',
    annualRatePct: '',
    termMonths: '',
    signedOn: today,
    contractNo: '',
    bankId: '',
    maturesOn: '',
    firstLoan: false,
    security: '',
    guaranteeInstitutionId: '',
    guaranteeFeeRatePct: '',
    renewal: 'none',
    policyInstruments: [],
  };
}

function validDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** One contract: the exact decimal amount, the rate, the term, the day signed and the contract number. */
export function validateContract(
  values: ContractValues,
  today = todayInShanghai(),
): { ok: true; body: LoanContractBody } | { ok: false; errors: ContractErrors } {
  const errors: ContractErrors = {};
  const amount = parseMoneyInput(values.amount);
  if (!amount.ok) errors.amount = amount.error === 'required' ? 'form.required' : `money.${amount.error}`;
  const rate = values.annualRatePct.trim();
  if (!rate) errors.annualRatePct = 'form.required';
  else if (!RATE.test(rate)) errors.annualRatePct = 'loans.badRate';
  const term = values.termMonths.trim();
  const months = Number(term);
  if (!term) errors.termMonths = 'form.required';
  else if (!/^\d+$/u.test(term) || months < 1 || months > TERM_MONTHS_MAX) errors.termMonths = 'loans.badTerm';
  if (!values.signedOn) errors.signedOn = 'form.required';
  else if (!validDay(values.signedOn)) errors.signedOn = 'form.invalidDate';
  else if (values.signedOn > today) errors.signedOn = 'form.futureDate';
  const contractNo = values.contractNo.trim();
  if (!contractNo) errors.contractNo = 'form.required';
  else if (contractNo.length > CONTRACT_NO_MAX) errors.contractNo = 'form.tooLong';
  const maturesOn = values.maturesOn ?? '';
  if (maturesOn && !validDay(maturesOn)) errors.maturesOn = 'form.invalidDate';
  else if (maturesOn && validDay(values.signedOn) && maturesOn <= values.signedOn) {
    errors.maturesOn = 'loanOutcome.maturityAfterSigning';
  }
  const guaranteed = values.security === 'guarantee';
  const guarantor = values.guaranteeInstitutionId ?? '';
  const feeRate = (values.guaranteeFeeRatePct ?? '').trim();
  if (guaranteed && !guarantor) errors.guaranteeInstitutionId = 'loanOutcome.needGuarantor';
  if (guaranteed && !feeRate) errors.guaranteeFeeRatePct = 'form.required';
  else if (guaranteed && !GUARANTEE_FEE_RATE_PATTERN.test(feeRate))
    errors.guaranteeFeeRatePct = 'loanOutcome.badFeeRate';
  if (!amount.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  const instruments = values.policyInstruments ?? [];
  return {
    ok: true,
    body: {
      amount: amount.value,
      annualRatePct: rate,
      termMonths: months,
      signedOn: values.signedOn,
      contractNo,
      ...(values.bankId ? { bankId: values.bankId } : {}),
      ...(maturesOn ? { maturesOn } : {}),
      ...(values.firstLoan === true ? { firstLoan: true } : {}),
      ...(values.security ? { security: values.security } : {}),
      ...(guaranteed ? { guaranteeInstitutionId: guarantor, guaranteeFeeRatePct: feeRate } : {}),
      ...(values.renewal && values.renewal !== 'none' ? { renewal: values.renewal } : {}),
      ...(instruments.length > 0 ? { policyInstruments: [...instruments] } : {}),
    },
  };
}

/** The body of `POST /cases/:id/loans` (1..n contracts), or the errors of each contract. */
export function validateLoans(
  contracts: readonly ContractValues[],
  expectedVersion: number,
  today = todayInShanghai(),
): { ok: true; body: SignLoansBody } | { ok: false; errors: ContractErrors[] } {
  const results = contracts.map((c) => validateContract(c, today));
  const bodies = results.flatMap((r) => (r.ok ? [r.body] : []));
  if (bodies.length !== results.length || bodies.length === 0) {
    return { ok: false, errors: results.map((r) => (r.ok ? {} : r.errors)) };
  }
  return { ok: true, body: { contracts: bodies, expectedVersion } };
}

/** The API's field errors of a contract (`contracts.1.amount` → contract 1, `amount`). */
export function contractServerErrors(
  errors: readonly { field: string; message: string }[],
  index: number,
): Record<string, string> {
  const prefix = `contracts.${index}.`;
  return Object.fromEntries(
    errors.filter((e) => e.field.startsWith(prefix)).map((e) => [e.field.slice(prefix.length), e.message]),
  );
}

/** Sign one or more loan contracts; each may be another bank's (coordinated service). */
export function LoansForm({
  expectedVersion,
  contracts,
  onChange,
  onSubmit,
  banks,
  guarantors = [],
  serverErrors = [],
  busy = false,
}: {
  expectedVersion: number;
  contracts: readonly ContractValues[];
  onChange: (contracts: ContractValues[]) => void;
  onSubmit: (body: SignLoansBody) => void;
  banks: readonly { id: string; name: string }[];
  /** The guarantee institutions a guaranteed loan may name. */
  guarantors?: readonly { id: string; name: string }[];
  serverErrors?: readonly { field: string; message: string }[];
  busy?: boolean;
}): ReactNode {
  const { t } = useI18n();
  const [errors, setErrors] = useState<ContractErrors[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const update = (index: number, patch: Partial<ContractValues>): void =>
    onChange(contracts.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const result = validateLoans(contracts, expectedVersion);
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstError(formRef.current);
      return;
    }
    setErrors([]);
    onSubmit(result.body);
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form" aria-label={t('loans.title')}>
      {contracts.map((contract, index) => {
        const own = errors[index] ?? {};
        const server = contractServerErrors(serverErrors, index);
        const message = (field: ContractField): string | undefined => {
          const key = own[field];
          return key ? t(key, { max: CONTRACT_NO_MAX }) : server[field];
        };
        const name = (field: ContractField): string => `contracts.${index}.${field}`;
        return (
          <fieldset key={index} className="panel" aria-label={t('loans.contract', { n: index + 1 })}>
            <legend>{t('loans.contract', { n: index + 1 })}</legend>
            <MoneyField
              name={name('amount')}
              label={t('loans.amount')}
              required
              value={contract.amount}
              error={message('amount')}
              onChange={(amount) => update(index, { amount })}
            />
            <TextField
              name={name('annualRatePct')}
              label={t('loans.rate')}
              hint={t('loans.rateHint')}
              inputMode="decimal"
              autoComplete="off"
              required
              value={contract.annualRatePct}
              error={message('annualRatePct')}
              onChange={(event) => update(index, { annualRatePct: event.target.value })}
            />
            <TextField
              name={name('termMonths')}
              label={t('loans.termMonths')}
              inputMode="numeric"
              autoComplete="off"
              required
              value={contract.termMonths}
              error={message('termMonths')}
              onChange={(event) => update(index, { termMonths: event.target.value })}
            />
            <TextField
              name={name('signedOn')}
              label={t('loans.signedOn')}
              type="date"
              required
              value={contract.signedOn}
              error={message('signedOn')}
              onChange={(event) => update(index, { signedOn: event.target.value })}
            />
            <TextField
              name={name('contractNo')}
              label={t('loans.contractNo')}
              autoComplete="off"
              required
              value={contract.contractNo}
              error={message('contractNo')}
              onChange={(event) => update(index, { contractNo: event.target.value })}
            />
            <SelectField
              name={name('bankId')}
              label={t('loans.bank')}
              value={contract.bankId}
              placeholder={t('loans.ownBank')}
              options={banks.map((b) => ({ value: b.id, label: b.name }))}
              error={message('bankId')}
              onChange={(event) => update(index, { bankId: event.target.value })}
            />
            <LoanOutcomeFields
              contract={contract}
              guarantors={guarantors}
              name={name}
              message={message}
              onChange={(patch) => update(index, patch)}
            />
            {contracts.length > 1 && (
              <button
                type="button"
                className="secondary"
                onClick={() => onChange(contracts.filter((_, i) => i !== index))}
              >
                {t('loans.remove', { n: index + 1 })}
              </button>
            )}
          </fieldset>
        );
      })}
      <button type="button" className="secondary" onClick={() => onChange([...contracts, emptyContract()])}>
        {t('loans.add')}
      </button>
      <button type="submit" disabled={busy}>
        {busy ? t('form.saving') : t('loans.submit')}
      </button>
    </form>
  );
}
