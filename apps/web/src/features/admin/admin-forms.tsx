import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Role, Schemas } from '../../api/types';
import { focusFirstError, SelectField, TextField } from '../../components/fields';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';

export type CreateRegionBody = Schemas['CreateRegionDto'];
export type CreateOrganizationBody = Schemas['CreateOrganizationDto'];
export type OrganizationKind = CreateOrganizationBody['kind'];
export type CreateUserBody = Schemas['CreateUserDto'];

export const ORGANIZATION_KINDS = ['regulator', 'bank', 'institution'] as const satisfies readonly OrganizationKind[];
export const ROLES = ['admin', 'field_officer', 'bank_manager', 'supervisor'] as const satisfies readonly Role[];
export const PASSWORD_MIN = 12;

export type FormValues = Record<string, string>;
export type FormErrors = Record<string, MessageKey>;
export type Validation<B> = { ok: true; body: B } | { ok: false; errors: FormErrors };

const REGION_CODE = /^\d{6}$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

function done<B>(errors: FormErrors, body: () => B): Validation<B> {
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body: body() };
}

export function validateRegion(values: FormValues): Validation<CreateRegionBody> {
  const errors: FormErrors = {};
  const code = (values['code'] ?? '').trim();
  const parentCode = (values['parentCode'] ?? '').trim();
  const name = (values['name'] ?? '').trim();
  if (!code) errors['code'] = 'form.required';
  else if (!REGION_CODE.test(code)) errors['code'] = 'admin.regionCodeFormat';
  if (!name) errors['name'] = 'form.required';
  if (parentCode && !REGION_CODE.test(parentCode)) errors['parentCode'] = 'admin.regionCodeFormat';
  else if (parentCode && parentCode === code) errors['parentCode'] = 'admin.parentIsSelf';
  return done(errors, () => ({ code, name, ...(parentCode ? { parentCode } : {}) }));
}

export function validateOrganization(values: FormValues): Validation<CreateOrganizationBody> {
  const errors: FormErrors = {};
  const kind = values['kind'] ?? '';
  const name = (values['name'] ?? '').trim();
  const regionCode = (values['regionCode'] ?? '').trim();
  if (!ORGANIZATION_KINDS.includes(kind as OrganizationKind)) errors['kind'] = 'admin.pickKind';
  if (!name) errors['name'] = 'form.required';
  if (!regionCode) errors['regionCode'] = 'admin.pickRegion';
  return done(errors, () => ({ kind: kind as OrganizationKind, name, regionCode }));
}

export function validateUser(values: FormValues): Validation<CreateUserBody> {
  const errors: FormErrors = {};
  const email = (values['email'] ?? '').trim();
  const name = (values['name'] ?? '').trim();
  const password = values['password'] ?? '';
  const role = values['role'] ?? '';
  const organizationId = values['organizationId'] ?? '';
  const regionCode = values['regionCode'] ?? '';
  if (!email) errors['email'] = 'form.required';
  else if (!EMAIL.test(email)) errors['email'] = 'admin.emailFormat';
  if (!name) errors['name'] = 'form.required';
  if (password.length < PASSWORD_MIN) errors['password'] = 'admin.passwordLength';
  if (!ROLES.includes(role as Role)) errors['role'] = 'admin.pickRole';
  // Everyone but an administrator works for an organization: a bank's manager for the bank, say.
  if (role && role !== 'admin' && !organizationId) errors['organizationId'] = 'admin.pickOrganization';
  if (role && role !== 'admin' && !regionCode) errors['regionCode'] = 'admin.pickRegion';
  return done(errors, () => ({
    email,
    name,
    password,
    role: role as Role,
    ...(organizationId ? { organizationId } : {}),
    ...(regionCode ? { regionCode } : {}),
  }));
}

export interface FieldSpec {
  name: string;
  label: MessageKey;
  type?: 'text' | 'email' | 'password';
  /** A select with these options (and a placeholder). */
  options?: readonly { value: string; label: string }[];
  placeholder?: MessageKey;
  required?: boolean;
  hint?: MessageKey;
  inputMode?: 'numeric';
}

/** A create form of the admin pages: the fields, checked on submit, the API's field errors beside them. */
export function CreateForm<B>({
  title,
  fields,
  values,
  onChange,
  validate,
  onSubmit,
  serverErrors = {},
  busy = false,
  submitLabel,
}: {
  title: MessageKey;
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
    return own ? t(own, { min: PASSWORD_MIN }) : serverErrors[name];
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t(title)}</h2>
      {fields.map((field) =>
        field.options ? (
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
    </form>
  );
}
