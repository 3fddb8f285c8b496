import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Schemas } from '../../api/types';
import { focusFirstError, SelectField, TextAreaField } from '../../components/fields';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';

export type DeclineBody = Schemas['DeclineCaseDto'];
export type DeclineReason = DeclineBody['reason'];
/** A reason of the catalogue (`GET /decline-reasons`) as the form offers it. */
export type DeclineReasonOption = Pick<Schemas['DeclineReasonResponse'], 'code' | 'name' | 'repairable' | 'repairPath'>;

export const TEXT_MAX = 4000;

export interface DeclineValues {
  /** A catalogue code, or '' while none is chosen. */
  reason: DeclineReason;
  text: string;
}

export function emptyDecline(): DeclineValues {
  return { reason: '', text: '' };
}

export type DeclineErrors = Partial<Record<keyof DeclineValues, MessageKey>>;

/** The body of `POST /cases/:id/decline`: a reason, and words when the reason is "other". */
export function validateDecline(
  values: DeclineValues,
  expectedVersion: number,
): { ok: true; body: DeclineBody } | { ok: false; errors: DeclineErrors } {
  const errors: DeclineErrors = {};
  const text = values.text.trim();
  if (!values.reason) errors.reason = 'decline.pickReason';
  if (values.reason === 'other' && !text) errors.text = 'decline.textRequired';
  if (values.text.length > TEXT_MAX) errors.text = 'form.tooLong';
  if (!values.reason || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { reason: values.reason, expectedVersion, ...(text ? { text } : {}) } };
}

export function DeclineForm({
  expectedVersion,
  reasons,
  values,
  onChange,
  onSubmit,
  serverErrors = {},
  busy = false,
}: {
  expectedVersion: number;
  /** The catalogue's reasons, by name; a repairable one says so, and shows its repair path once chosen. */
  reasons: readonly DeclineReasonOption[];
  values: DeclineValues;
  onChange: (patch: Partial<DeclineValues>) => void;
  onSubmit: (body: DeclineBody) => void;
  serverErrors?: Record<string, string>;
  busy?: boolean;
}): ReactNode {
  const { t } = useI18n();
  const [errors, setErrors] = useState<DeclineErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const chosen = reasons.find((r) => r.code === values.reason);
  const message = (field: keyof DeclineValues): string | undefined => {
    const own = errors[field];
    return own ? t(own, { max: TEXT_MAX }) : serverErrors[field];
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const result = validateDecline(values, expectedVersion);
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstError(formRef.current);
      return;
    }
    setErrors({});
    onSubmit(result.body);
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form" aria-label={t('decline.title')}>
      <SelectField
        name="reason"
        label={t('decline.reason')}
        required
        value={values.reason}
        placeholder={t('decline.pickReason')}
        options={reasons.map((r) => ({
          value: r.code,
          label: r.repairable ? `${r.name}（${t('decline.repairable')}）` : r.name,
        }))}
        error={message('reason')}
        onChange={(event) => onChange({ reason: event.target.value })}
      />
      {chosen?.repairable && (
        <div className="banner banner-info" data-testid="decline-repair">
          <p>{t('decline.repairNotice')}</p>
          {chosen.repairPath && <p>{t('decline.repairPath', { path: chosen.repairPath })}</p>}
        </div>
      )}
      <TextAreaField
        name="text"
        label={t('decline.text')}
        hint={t('decline.textHint')}
        required={values.reason === 'other'}
        rows={3}
        value={values.text}
        error={message('text')}
        onChange={(event) => onChange({ text: event.target.value })}
      />
      <button type="submit" disabled={busy}>
        {busy ? t('form.saving') : t('decline.submit')}
      </button>
    </form>
  );
}
