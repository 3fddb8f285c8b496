import { CLOSE_RESOLUTIONS } from '@unblock/domain';
import type { ReactNode } from 'react';
import type { Schemas } from '../../api/types';
import { SelectField, TextAreaField } from '../../components/fields';
import { useI18n } from '../../i18n/i18n';
import {
  ACTION_NOTE_MAX,
  useActionForm,
  withNote,
  type ActionFormProps,
  type Errors,
  type Result,
} from './action-form';

export type CloseBody = Schemas['CloseCaseDto'];
export type Resolution = CloseBody['resolution'];

export interface CloseValues {
  resolution: Resolution | '';
  note: string;
}

export const emptyClose = (): CloseValues => ({ resolution: '', note: '' });

export function validateClose(values: CloseValues, expectedVersion: number): Result<CloseBody, CloseValues> {
  const errors: Errors<CloseValues> = {};
  if (!values.resolution) errors.resolution = 'supervisor.pickResolution';
  if (values.resolution === 'other' && !values.note.trim()) errors.note = 'supervisor.explainOther';
  if (values.note.length > ACTION_NOTE_MAX) errors.note = 'form.tooLong';
  if (!values.resolution || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { resolution: values.resolution, expectedVersion, ...withNote(values.note) } };
}

/** Close the case with a resolution (and a note, which "other" requires). */
export function CloseForm({
  version,
  values,
  onChange,
  onSubmit,
  serverErrors = {},
  busy = false,
}: ActionFormProps<CloseValues, CloseBody> & { version: number }): ReactNode {
  const { t } = useI18n();
  const { formRef, submit, message } = useActionForm(() => validateClose(values, version), onSubmit, serverErrors);
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form" aria-labelledby="close-title">
      <h2 id="close-title">{t('supervisor.close')}</h2>
      <SelectField
        name="resolution"
        label={t('supervisor.resolution')}
        required
        value={values.resolution}
        placeholder={t('supervisor.pickResolution')}
        options={CLOSE_RESOLUTIONS.map((r) => ({ value: r, label: t(`supervisor.resolution.${r}`) }))}
        error={message('resolution')}
        onChange={(event) => onChange({ resolution: event.target.value as Resolution | '' })}
      />
      <TextAreaField
        name="note"
        label={t('supervisor.note')}
        rows={2}
        value={values.note}
        error={message('note')}
        onChange={(event) => onChange({ note: event.target.value })}
      />
      <button type="submit" className="danger" disabled={busy}>
        {busy ? t('form.saving') : t('supervisor.closeSubmit')}
      </button>
    </form>
  );
}
