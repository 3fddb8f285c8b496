import { useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { focusFirstError, SelectField, TextAreaField, TextField } from '../../components/fields';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';
import {
  OBLIGATIONS,
  RESOLUTIONS,
  type CloseBody,
  type ExtendBody,
  type Obligation,
  type ReassignBody,
  type Resolution,
} from './supervisor-types';

export const ACTION_NOTE_MAX = 4000;

type Errors<V> = Partial<Record<keyof V, MessageKey>>;
type Result<B, V> = { ok: true; body: B } | { ok: false; errors: Errors<V> };

export interface ReassignValues {
  bankId: string;
  note: string;
}
export interface ExtendValues {
  /** `YYYY-MM-DDTHH:mm`, Shanghai time (a `datetime-local` input). */
  until: string;
  obligation: Obligation | '';
  note: string;
}
export interface CloseValues {
  resolution: Resolution | '';
  note: string;
}

export const emptyReassign = (): ReassignValues => ({ bankId: '', note: '' });
export const emptyExtend = (): ExtendValues => ({ until: '', obligation: '', note: '' });
export const emptyClose = (): CloseValues => ({ resolution: '', note: '' });

const withNote = (note: string): { note?: string } => (note.trim() ? { note: note.trim() } : {});

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

export function validateClose(values: CloseValues, expectedVersion: number): Result<CloseBody, CloseValues> {
  const errors: Errors<CloseValues> = {};
  if (!values.resolution) errors.resolution = 'supervisor.pickResolution';
  if (values.resolution === 'other' && !values.note.trim()) errors.note = 'supervisor.explainOther';
  if (values.note.length > ACTION_NOTE_MAX) errors.note = 'form.tooLong';
  if (!values.resolution || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { resolution: values.resolution, expectedVersion, ...withNote(values.note) } };
}

interface FormProps<V, B> {
  values: V;
  onChange: (patch: Partial<V>) => void;
  onSubmit: (body: B) => void;
  serverErrors?: Record<string, string>;
  busy?: boolean;
}

/** Own errors first, then the API's `errors[].field`. */
function useFormErrors<V>(serverErrors: Record<string, string>): {
  errors: Errors<V>;
  setErrors: (errors: Errors<V>) => void;
  message: (field: keyof V & string) => string | undefined;
} {
  const { t } = useI18n();
  const [errors, setErrors] = useState<Errors<V>>({});
  const message = (field: keyof V & string): string | undefined => {
    const own = errors[field];
    return own ? t(own, { max: ACTION_NOTE_MAX }) : serverErrors[field];
  };
  return { errors, setErrors, message };
}

function useSubmit<V, B>(
  validate: () => Result<B, V>,
  setErrors: (errors: Errors<V>) => void,
  onSubmit: (body: B) => void,
): [RefObject<HTMLFormElement | null>, (event: FormEvent) => void] {
  const formRef = useRef<HTMLFormElement>(null);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const result = validate();
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstError(formRef.current);
      return;
    }
    setErrors({});
    onSubmit(result.body);
  };
  return [formRef, submit];
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
}: FormProps<ReassignValues, ReassignBody> & {
  banks: readonly { id: string; name: string }[];
  currentBankId: string | null;
  version: number;
}): ReactNode {
  const { t } = useI18n();
  const { setErrors, message } = useFormErrors<ReassignValues>(serverErrors);
  const [formRef, submit] = useSubmit(() => validateReassign(values, currentBankId, version), setErrors, onSubmit);
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form" aria-labelledby="reassign-title">
      <h2 id="reassign-title">{t('supervisor.reassign')}</h2>
      <SelectField
        name="bankId"
        label={t('supervisor.bank')}
        required
        value={values.bankId}
        placeholder={t('supervisor.pickBank')}
        options={banks.map((bank) => ({ value: bank.id, label: bank.name }))}
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

/** Move an open deadline later. */
export function ExtendForm({
  version,
  now = () => new Date(),
  values,
  onChange,
  onSubmit,
  serverErrors = {},
  busy = false,
}: FormProps<ExtendValues, ExtendBody> & { version: number; now?: () => Date }): ReactNode {
  const { t } = useI18n();
  const { setErrors, message } = useFormErrors<ExtendValues>(serverErrors);
  const [formRef, submit] = useSubmit(() => validateExtend(values, now(), version), setErrors, onSubmit);
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form" aria-labelledby="extend-title">
      <h2 id="extend-title">{t('supervisor.extend')}</h2>
      <SelectField
        name="obligation"
        label={t('supervisor.obligation')}
        value={values.obligation}
        placeholder={t('supervisor.nearestObligation')}
        options={OBLIGATIONS.map((o) => ({ value: o, label: t(`supervisor.obligation.${o}`) }))}
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

/** Close the case with a resolution. */
export function CloseForm({
  version,
  values,
  onChange,
  onSubmit,
  serverErrors = {},
  busy = false,
}: FormProps<CloseValues, CloseBody> & { version: number }): ReactNode {
  const { t } = useI18n();
  const { setErrors, message } = useFormErrors<CloseValues>(serverErrors);
  const [formRef, submit] = useSubmit(() => validateClose(values, version), setErrors, onSubmit);
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form" aria-labelledby="close-title">
      <h2 id="close-title">{t('supervisor.close')}</h2>
      <SelectField
        name="resolution"
        label={t('supervisor.resolution')}
        required
        value={values.resolution}
        placeholder={t('supervisor.pickResolution')}
        options={RESOLUTIONS.map((r) => ({ value: r, label: t(`supervisor.resolution.${r}`) }))}
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
