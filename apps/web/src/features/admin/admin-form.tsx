import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ChoiceGroup, focusFirstError, SelectField, TextField } from '../../components/fields';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';
import {
  PASSWORD_MIN,
  WEBHOOK_SECRET_MIN,
  type FormErrors,
  type FormValues,
  type Validation,
} from './admin-validation';
import { DurationField } from './duration-field';
import { unitKey, type DurationUnit } from './sla-durations';

/** One field of an admin form: a text input, or a select when it has options. */
export interface FieldSpec {
  name: string;
  label: MessageKey;
  type?: 'text' | 'email' | 'password' | 'date';
  /** A select with these options (and a placeholder). */
  options?: readonly { value: string; label: string }[];
  placeholder?: MessageKey;
  required?: boolean;
  hint?: MessageKey;
  inputMode?: 'numeric';
  /** A number and a unit (3 个工作日): the amount under `name`, the unit under `unitKey(name)`. */
  duration?: boolean;
  /** With options: checkboxes, any number of them chosen (the value: their values joined by commas). */
  multiple?: boolean;
}

/**
 * The form of the admin pages, for a new item or (with `heading` and `onCancel`) for editing one: the
 * fields, checked on submit, the API's field errors beside them.
 */
export function AdminForm<B>({
  title,
  fields,
  values,
  onChange,
  validate,
  onSubmit,
  serverErrors = {},
  busy = false,
  submitLabel,
  heading,
  onCancel,
}: {
  title: MessageKey;
  /** Instead of the title: an edit form names what it edits. */
  heading?: string;
  /** An edit form's way back to the create form. */
  onCancel?: () => void;
  fields: readonly FieldSpec[];
  values: FormValues;
  onChange: (patch: FormValues) => void;
  validate: (values: FormValues) => Validation<B>;
  onSubmit: (body: B) => void;
  serverErrors?: Record<string, string>;
  busy?: boolean;
  submitLabel: MessageKey;
}): ReactNode {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FormErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const titleId = `create-${title.replace(/\W/gu, '-')}`;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const result = validate(values);
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstError(formRef.current);
      return;
    }
    setErrors({});
    onSubmit(result.body);
  };
  const message = (name: string): string | undefined => {
    const own = errors[name];
    return own ? t(own, { min: name === 'webhookSecret' ? WEBHOOK_SECRET_MIN : PASSWORD_MIN }) : serverErrors[name];
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{heading ?? t(title)}</h2>
      {fields.map((field) =>
        field.duration ? (
          <DurationField
            key={field.name}
            name={field.name}
            label={t(field.label)}
            hint={field.hint ? t(field.hint) : undefined}
            amount={values[field.name] ?? ''}
            unit={(values[unitKey(field.name)] ?? 'BD') as DurationUnit}
            error={message(field.name)}
            onChange={(amount, unit) => onChange({ [field.name]: amount, [unitKey(field.name)]: unit })}
          />
        ) : field.options && field.multiple ? (
          <ChoiceGroup
            key={field.name}
            name={field.name}
            type="checkbox"
            label={t(field.label)}
            hint={field.hint ? t(field.hint) : undefined}
            options={field.options}
            selected={(values[field.name] ?? '').split(',').filter(Boolean)}
            error={message(field.name)}
            onChange={(selected) => onChange({ [field.name]: selected.join(',') })}
          />
        ) : field.options ? (
          <SelectField
            key={field.name}
            name={field.name}
            label={t(field.label)}
            required={field.required ?? false}
            hint={field.hint ? t(field.hint) : undefined}
            value={values[field.name] ?? ''}
            placeholder={t(field.placeholder ?? 'admin.choose')}
            options={field.options}
            error={message(field.name)}
            onChange={(event) => onChange({ [field.name]: event.target.value })}
          />
        ) : (
          <TextField
            key={field.name}
            name={field.name}
            type={field.type ?? 'text'}
            label={t(field.label)}
            required={field.required ?? false}
            hint={field.hint ? t(field.hint) : undefined}
            inputMode={field.inputMode}
            autoComplete={field.type === 'password' ? 'new-password' : 'off'}
            value={values[field.name] ?? ''}
            error={message(field.name)}
            onChange={(event) => onChange({ [field.name]: event.target.value })}
          />
        ),
      )}
      <button type="submit" disabled={busy}>
        {busy ? t('form.saving') : t(submitLabel)}
      </button>
      {onCancel && (
        <button type="button" className="link-button" onClick={onCancel}>
          {t('admin.cancelEdit')}
        </button>
      )}
    </form>
  );
}
