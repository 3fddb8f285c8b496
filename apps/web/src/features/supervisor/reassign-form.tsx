import type { ReactNode } from 'react';
import type { Schemas } from '../../api/types';
import { SelectField, TextAreaField } from '../../components/fields';
import { useI18n } from '../../i18n/i18n';
import { nameOptions } from '../../reference/names';
import {
  ACTION_NOTE_MAX,
  useActionForm,
  withNote,
  type ActionFormProps,
  type Errors,
  type Result,
} from './action-form';

export type ReassignBody = Schemas['ReassignCaseDto'];

export interface ReassignValues {
  bankId: string;
  note: string;
}

export const emptyReassign = (): ReassignValues => ({ bankId: '', note: '' });

export function validateReassign(
  values: ReassignValues,
  currentBankId: string | null,
  expectedVersion: number,
): Result<ReassignBody, ReassignValues> {
  const errors: Errors<ReassignValues> = {};
  if (!values.bankId) errors.bankId = 'supervisor.pickBank';
  else if (values.bankId === currentBankId) errors.bankId = 'supervisor.sameBank';
  if (values.note.length > ACTION_NOTE_MAX) errors.note = 'form.tooLong';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { bankId: values.bankId, expectedVersion, ...withNote(values.note) } };
}

/** Reassign the case to another bank. */
export function ReassignForm({
  banks,
  currentBankId,
  version,
  values,
  onChange,
  onSubmit,
  serverErrors = {},
  busy = false,
}: ActionFormProps<ReassignValues, ReassignBody> & {
  banks: readonly { id: string; name: string }[];
  currentBankId: string | null;
  version: number;
}): ReactNode {
  const { t } = useI18n();
  const { formRef, submit, message } = useActionForm(
    () => validateReassign(values, currentBankId, version),
    onSubmit,
    serverErrors,
  );
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form" aria-labelledby="reassign-title">
      <h2 id="reassign-title">{t('supervisor.reassign')}</h2>
      <SelectField
        name="bankId"
        label={t('supervisor.bank')}
        required
        value={values.bankId}
        placeholder={t('supervisor.pickBank')}
        options={nameOptions(banks)}
        error={message('bankId')}
        onChange={(event) => onChange({ bankId: event.target.value })}
      />
      <TextAreaField
        name="note"
        label={t('supervisor.note')}
        rows={2}
        value={values.note}
        error={message('note')}
        onChange={(event) => onChange({ note: event.target.value })}
      />
      <button type="submit" disabled={busy}>
        {busy ? t('form.saving') : t('supervisor.reassignSubmit')}
      </button>
    </form>
  );
}
