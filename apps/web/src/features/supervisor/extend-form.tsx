import { OBLIGATIONS } from '@unblock/domain';
import type { ReactNode } from 'react';
import type { Obligation, Schemas } from '../../api/types';
import { SelectField, TextAreaField, TextField } from '../../components/fields';
import { useI18n } from '../../i18n/i18n';
import {
  ACTION_NOTE_MAX,
  useActionForm,
  withNote,
  type ActionFormProps,
  type Errors,
  type Result,
} from './action-form';

export type ExtendBody = Schemas['ExtendDeadlineDto'];

export interface ExtendValues {
  /** `YYYY-MM-DDTHH:mm`, Shanghai time (a `datetime-local` input). */
  until: string;
  obligation: Obligation | '';
  note: string;
}

export const emptyExtend = (): ExtendValues => ({ until: '', obligation: '', note: '' });

/** A Shanghai wall-clock time (`YYYY-MM-DDTHH:mm`) as an instant, or undefined when it is not one. */
export function shanghaiInstant(local: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/u.test(local)) return undefined;
  const instant = new Date(`${local}:00+08:00`);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

export function validateExtend(
  values: ExtendValues,
  now: Date,
  expectedVersion: number,
): Result<ExtendBody, ExtendValues> {
  const errors: Errors<ExtendValues> = {};
  const until = shanghaiInstant(values.until);
  if (!values.until) errors.until = 'form.required';
  else if (!until) errors.until = 'supervisor.invalidDateTime';
  else if (until.getTime() <= now.getTime()) errors.until = 'supervisor.untilInPast';
  if (values.note.length > ACTION_NOTE_MAX) errors.note = 'form.tooLong';
  if (!until || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      until: until.toISOString(),
      expectedVersion,
      ...(values.obligation ? { obligation: values.obligation } : {}),
      ...withNote(values.note),
    },
  };
}

/** Move an open deadline later (the nearest one, or the obligation chosen). */
export function ExtendForm({
  version,
  now = () => new Date(),
  values,
  onChange,
  onSubmit,
  serverErrors = {},
  busy = false,
}: ActionFormProps<ExtendValues, ExtendBody> & { version: number; now?: () => Date }): ReactNode {
  const { t } = useI18n();
  const { formRef, submit, message } = useActionForm(
    () => validateExtend(values, now(), version),
    onSubmit,
    serverErrors,
  );
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form" aria-labelledby="extend-title">
      <h2 id="extend-title">{t('supervisor.extend')}</h2>
      <SelectField
        name="obligation"
        label={t('supervisor.obligation')}
        value={values.obligation}
        placeholder={t('supervisor.nearestObligation')}
        options={OBLIGATIONS.filter((o) => o !== 'screening').map((o) => ({
          value: o,
          label: t(`supervisor.obligation.${o}`),
        }))}
        error={message('obligation')}
        onChange={(event) => onChange({ obligation: event.target.value as Obligation | '' })}
      />
      <TextField
        name="until"
        type="datetime-local"
        label={t('supervisor.until')}
        hint={t('supervisor.untilHint')}
        required
        value={values.until}
        error={message('until')}
        onChange={(event) => onChange({ until: event.target.value })}
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
        {busy ? t('form.saving') : t('supervisor.extendSubmit')}
      </button>
    </form>
  );
}
