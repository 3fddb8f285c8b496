import type { ReactNode } from 'react';
import type { Organization, Schemas } from '../../api/types';
import { SelectField, TextAreaField, TextField } from '../../components/fields';
import { useI18n } from '../../i18n/i18n';
import { todayInShanghai } from '../../lib/dates';
import { nameOptions } from '../../reference/names';
import {
  ACTION_NOTE_MAX,
  useActionForm,
  withNote,
  type ActionFormProps,
  type Errors,
  type Result,
} from '../supervisor/action-form';

export type OpenRepairBody = Schemas['OpenRepairDto'];

export interface OpenRepairValues {
  organizationId: string;
  due: string;
  note: string;
}

export const emptyOpenRepair = (): OpenRepairValues => ({ organizationId: '', due: '', note: '' });

/** The body of `POST /cases/:id/repairs`: an organization that repairs, an optional last day, a note. */
export function validateOpenRepair(
  values: OpenRepairValues,
  expectedVersion: number,
  today: string = todayInShanghai(),
): Result<OpenRepairBody, OpenRepairValues> {
  const errors: Errors<OpenRepairValues> = {};
  if (!values.organizationId) errors.organizationId = 'repairs.open.pickOrganization';
  if (values.due && !/^\d{4}-\d{2}-\d{2}$/u.test(values.due)) errors.due = 'form.invalidDate';
  else if (values.due && values.due < today) errors.due = 'repairs.open.duePast';
  if (values.note.length > ACTION_NOTE_MAX) errors.note = 'form.tooLong';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      organizationId: values.organizationId,
      expectedVersion,
      ...(values.due ? { due: values.due } : {}),
      ...withNote(values.note),
    },
  };
}

/** A supervisor opens a repair task on a case in its second diagnosis: for a government department or guarantee institution. */
export function OpenRepairForm({
  version,
  repairers,
  values,
  onChange,
  onSubmit,
  serverErrors = {},
  busy = false,
}: ActionFormProps<OpenRepairValues, OpenRepairBody> & { version: number; repairers: Organization[] }): ReactNode {
  const { t } = useI18n();
  const { formRef, submit, message } = useActionForm(() => validateOpenRepair(values, version), onSubmit, serverErrors);
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form" aria-labelledby="open-repair-title">
      <h3 id="open-repair-title">{t('repairs.open.title')}</h3>
      <SelectField
        name="organizationId"
        label={t('repairs.open.organization')}
        required
        value={values.organizationId}
        placeholder={t('repairs.open.pickOrganization')}
        options={nameOptions(repairers)}
        error={message('organizationId')}
        onChange={(event) => onChange({ organizationId: event.target.value })}
      />
      <TextField
        name="due"
        type="date"
        label={t('repairs.open.due')}
        hint={t('repairs.open.dueHint')}
        value={values.due}
        error={message('due')}
        onChange={(event) => onChange({ due: event.target.value })}
      />
      <TextAreaField
        name="note"
        label={t('repairs.open.note')}
        rows={2}
        value={values.note}
        error={message('note')}
        onChange={(event) => onChange({ note: event.target.value })}
      />
      <button type="submit" disabled={busy}>
        {busy ? t('form.saving') : t('repairs.open.submit')}
      </button>
    </form>
  );
}
