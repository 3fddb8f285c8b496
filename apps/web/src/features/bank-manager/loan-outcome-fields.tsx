import { LOAN_RENEWALS, LOAN_SECURITIES, POLICY_INSTRUMENTS } from '@unblock/domain';
import type { ReactNode } from 'react';
import { ChoiceGroup, SelectField, TextField } from '../../components/fields';
import { useI18n } from '../../i18n/i18n';
import type { ContractField, ContractValues } from './loans-form';

/**
 * A contract's outcome: maturity date, first loan (首贷), security with the guarantee institution and fee
 * rate of a guaranteed loan, renewal (续贷, 无还本续贷) and the policy instruments it draws on.
 */
export function LoanOutcomeFields({
  contract,
  guarantors,
  name,
  message,
  onChange,
}: {
  contract: ContractValues;
  guarantors: readonly { id: string; name: string }[];
  name: (field: ContractField) => string;
  message: (field: ContractField) => string | undefined;
  onChange: (patch: Partial<ContractValues>) => void;
}): ReactNode {
  const { t } = useI18n();
  const guaranteed = contract.security === 'guarantee';
  return (
    <>
      <TextField
        name={name('maturesOn')}
        label={t('loanOutcome.maturesOn')}
        type="date"
        value={contract.maturesOn ?? ''}
        error={message('maturesOn')}
        onChange={(event) => onChange({ maturesOn: event.target.value })}
      />
      <ChoiceGroup
        name={name('firstLoan')}
        type="checkbox"
        label={t('loanOutcome.first')}
        hint={t('loanOutcome.firstLoanHint')}
        options={[{ value: 'first', label: t('loanOutcome.firstLoan') }]}
        selected={contract.firstLoan === true ? ['first'] : []}
        error={message('firstLoan')}
        onChange={(selected) => onChange({ firstLoan: selected.includes('first') })}
      />
      <SelectField
        name={name('security')}
        label={t('loanOutcome.security')}
        value={contract.security ?? ''}
        placeholder={t('loanOutcome.securityUnset')}
        options={LOAN_SECURITIES.map((s) => ({ value: s, label: t(`loanOutcome.security.${s}`) }))}
        error={message('security')}
        onChange={(event) => {
          const security = LOAN_SECURITIES.find((s) => s === event.target.value) ?? '';
          onChange(
            security === 'guarantee' ? { security } : { security, guaranteeInstitutionId: '', guaranteeFeeRatePct: '' },
          );
        }}
      />
      {guaranteed && (
        <>
          <SelectField
            name={name('guaranteeInstitutionId')}
            label={t('loanOutcome.guarantor')}
            required
            value={contract.guaranteeInstitutionId ?? ''}
            placeholder={t('loanOutcome.pickGuarantor')}
            options={guarantors.map((g) => ({ value: g.id, label: g.name }))}
            error={message('guaranteeInstitutionId')}
            onChange={(event) => onChange({ guaranteeInstitutionId: event.target.value })}
          />
          <TextField
            name={name('guaranteeFeeRatePct')}
            label={t('loanOutcome.feeRate')}
            hint={t('loanOutcome.feeRateHint')}
            inputMode="decimal"
            autoComplete="off"
            required
            value={contract.guaranteeFeeRatePct ?? ''}
            error={message('guaranteeFeeRatePct')}
            onChange={(event) => onChange({ guaranteeFeeRatePct: event.target.value })}
          />
        </>
      )}
      <ChoiceGroup
        name={name('renewal')}
        type="radio"
        label={t('loanOutcome.renewal')}
        options={LOAN_RENEWALS.map((r) => ({ value: r, label: t(`loanOutcome.renewal.${r}`) }))}
        selected={[contract.renewal ?? 'none']}
        error={message('renewal')}
        onChange={(selected) => onChange({ renewal: selected[0] ?? 'none' })}
      />
      <ChoiceGroup
        name={name('policyInstruments')}
        type="checkbox"
        label={t('loanOutcome.instruments')}
        options={POLICY_INSTRUMENTS.map((p) => ({ value: p, label: t(`loanOutcome.instrument.${p}`) }))}
        selected={contract.policyInstruments ?? []}
        error={message('policyInstruments')}
        onChange={(policyInstruments) => onChange({ policyInstruments })}
      />
    </>
  );
}
