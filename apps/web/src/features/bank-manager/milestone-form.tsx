import { MILESTONES } from '@unblock/domain';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { Schemas } from '../../api/types';
import { SelectField, TextAreaField } from '../../components/fields';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';
import { MoneyField } from '../../components/money-field';
import { parseMoneyInput } from '../../lib/money';

export type MilestoneBody = Schemas['MilestoneDto'];
type Milestone = MilestoneBody['type'];

export interface MilestoneValues {
  type: Milestone | '';
  amount: string;
  note: string;
}

export function emptyMilestone(): MilestoneValues {
  return { type: '', amount: '', note: '' };
}

type MilestoneErrors = Partial<Record<'type' | 'intentionAmount', MessageKey>>;

/** The body of `POST /cases/:id/milestones`: the milestone, and for an intention its exact amount. */
export function validateMilestone(
  values: MilestoneValues,
  expectedVersion: number,
): { ok: true; body: MilestoneBody } | { ok: false; errors: MilestoneErrors } {
  const errors: MilestoneErrors = {};
  if (!values.type) errors.type = 'case.pickMilestone';
  const amount = values.type === 'intention' ? parseMoneyInput(values.amount) : undefined;
  if (amount && !amount.ok)
    errors.intentionAmount = amount.error === 'required' ? 'form.required' : `money.${amount.error}`;
  if (!values.type || Object.keys(errors).length > 0) return { ok: false, errors };
  const note = values.note.trim();
  return {
    ok: true,
    body: {
      type: values.type,
      expectedVersion,
      ...(amount?.ok ? { intentionAmount: amount.value } : {}),
      ...(note ? { note } : {}),
    },
  };
}

/** Record a milestone of a claimed case (contacted, due diligence, an intention with its amount). */
export function MilestoneForm({
  expectedVersion,
  values,
  onChange,
  onSubmit,
  serverErrors = {},
  busy = false,
}: {
  expectedVersion: number;
  values: MilestoneValues;
  onChange: (patch: Partial<MilestoneValues>) => void;
  onSubmit: (body: MilestoneBody) => void;
  serverErrors?: Record<string, string>;
  busy?: boolean;
}): ReactNode {
  const { t } = useI18n();
  const [errors, setErrors] = useState<MilestoneErrors>({});
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const result = validateMilestone(values, expectedVersion);
    setErrors(result.ok ? {} : result.errors);
    if (result.ok) onSubmit(result.body);
  };
  return (
    <form className="form" noValidate aria-label={t('case.milestone')} onSubmit={submit}>
      <SelectField
        name="type"
        label={t('case.milestoneType')}
        required
        value={values.type}
        placeholder={t('case.pickMilestone')}
        options={MILESTONES.map((m) => ({ value: m, label: t(`milestone.${m}`) }))}
        error={errors.type ? t(errors.type) : serverErrors['type']}
        onChange={(event) => onChange({ type: event.target.value as Milestone | '' })}
      />
      {values.type === 'intention' && (
        <MoneyField
          name="intentionAmount"
          label={t('case.intentionAmount')}
          required
          value={values.amount}
          error={errors.intentionAmount ? t(errors.intentionAmount) : serverErrors['intentionAmount']}
          onChange={(amount) => onChange({ amount })}
        />
      )}
      <TextAreaField
        name="note"
        label={t('case.note')}
        rows={2}
        value={values.note}
        error={serverErrors['note']}
        onChange={(event) => onChange({ note: event.target.value })}
      />
      <button type="submit" disabled={busy}>
        {t('case.recordMilestone')}
      </button>
    </form>
  );
}
