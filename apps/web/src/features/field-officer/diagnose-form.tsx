import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { BOTTLENECKS, PURPOSES, TERMS } from '@unblock/domain';
import type { Bottleneck, DiagnoseBody, Purpose, Term } from '../../api/types';
import { ChoiceGroup, focusFirstError, SelectField, TextAreaField } from '../../components/fields';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';
import { MoneyField } from '../../components/money-field';
import { parseMoneyInput } from '../../lib/money';

export interface DiagnoseValues {
  requestedAmount: string;
  purpose: Purpose | '';
  term: Term | '';
  bottlenecks: Bottleneck[];
  note: string;
}

export const NOTE_MAX = 4000;

export function emptyDiagnosis(): DiagnoseValues {
  return { requestedAmount: '', purpose: '', term: '', bottlenecks: [], note: '' };
}

export type DiagnoseErrors = Partial<Record<keyof DiagnoseValues, MessageKey>>;

/** The body of `POST /cases`, or the errors by field. The amount is an exact decimal, never a float. */
export function validateDiagnosis(
  values: DiagnoseValues,
  visitId: string,
): { ok: true; body: DiagnoseBody } | { ok: false; errors: DiagnoseErrors } {
  const errors: DiagnoseErrors = {};
  const amount = parseMoneyInput(values.requestedAmount);
  if (!amount.ok) errors.requestedAmount = amount.error === 'required' ? 'form.required' : `money.${amount.error}`;
  if (!values.purpose) errors.purpose = 'diagnose.pickPurpose';
  if (!values.term) errors.term = 'form.required';
  if (values.bottlenecks.length === 0) errors.bottlenecks = 'diagnose.pickBottleneck';
  if (values.note.length > NOTE_MAX) errors.note = 'form.tooLong';
  if (!amount.ok || !values.purpose || !values.term || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      visitId,
      requestedAmount: amount.value,
      purpose: values.purpose,
      term: values.term,
      bottlenecks: values.bottlenecks,
      ...(values.note.trim() ? { note: values.note.trim() } : {}),
    },
  };
}

/** Diagnose a need on the spot, from a saved visit: amount, purpose, term and the bottlenecks. */
export function DiagnoseForm({
  visitId,
  values,
  onChange,
  onSubmit,
  serverErrors = {},
  busy = false,
}: {
  visitId: string;
  values: DiagnoseValues;
  onChange: (patch: Partial<DiagnoseValues>) => void;
  onSubmit: (body: DiagnoseBody) => void;
  serverErrors?: Record<string, string>;
  busy?: boolean;
}): ReactNode {
  const { t } = useI18n();
  const [errors, setErrors] = useState<DiagnoseErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const message = (field: keyof DiagnoseValues): string | undefined => {
    const own = errors[field];
    return own ? t(own, { max: NOTE_MAX }) : serverErrors[field];
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const result = validateDiagnosis(values, visitId);
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstError(formRef.current);
      return;
    }
    setErrors({});
    onSubmit(result.body);
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form">
      <MoneyField
        name="requestedAmount"
        label={t('diagnose.amount')}
        required
        value={values.requestedAmount}
        error={message('requestedAmount')}
        onChange={(requestedAmount) => onChange({ requestedAmount })}
      />
      <SelectField
        name="purpose"
        label={t('diagnose.purpose')}
        required
        value={values.purpose}
        placeholder={t('diagnose.pickPurpose')}
        options={PURPOSES.map((p) => ({ value: p, label: t(`purpose.${p}`) }))}
        error={message('purpose')}
        onChange={(event) => onChange({ purpose: event.target.value as Purpose | '' })}
      />
      <ChoiceGroup
        name="term"
        type="radio"
        label={t('diagnose.term')}
        required
        options={TERMS.map((term) => ({ value: term, label: t(`term.${term}`) }))}
        selected={values.term ? [values.term] : []}
        error={message('term')}
        onChange={([term]) => onChange({ term: term ?? '' })}
      />
      <ChoiceGroup
        name="bottlenecks"
        type="checkbox"
        label={t('diagnose.bottlenecks')}
        hint={t('diagnose.bottlenecksHint')}
        required
        options={BOTTLENECKS.map((b) => ({ value: b, label: t(`bottleneck.${b}`) }))}
        selected={values.bottlenecks}
        error={message('bottlenecks')}
        onChange={(bottlenecks) => onChange({ bottlenecks })}
      />
      <TextAreaField
        name="note"
        label={t('diagnose.note')}
        rows={3}
        value={values.note}
        error={message('note')}
        onChange={(event) => onChange({ note: event.target.value })}
      />
      <button type="submit" disabled={busy}>
        {busy ? t('form.saving') : t('diagnose.submit')}
      </button>
    </form>
  );
}
