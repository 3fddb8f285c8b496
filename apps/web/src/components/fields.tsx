import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

interface FieldProps {
  label: string;
  /** A short help text under the label. */
  hint?: string | undefined;
  /** The error to show (from the form's own checks or the API's `errors[].field`). */
  error?: string | undefined;
  required?: boolean;
}

/** Ids of a field's hint and error, for `aria-describedby`. */
function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function Hint({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }): ReactNode {
  return (
    <>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

/** What a field's control carries: its id and the accessibility attributes of its label, hint and error. */
interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required': true | undefined;
}

/** The frame every labelled field shares: the label, the control, its hint and its error. */
function Field({
  label,
  hint,
  error,
  required,
  control,
}: FieldProps & { control: (props: ControlProps) => ReactNode }): ReactNode {
  const id = useId();
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {control({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(id, hint, error),
        'aria-required': required || undefined,
      })}
      <Hint id={id} hint={hint} error={error} />
    </div>
  );
}

/** A labelled input; its name is the API's field name, so the API's errors land next to it. */
export function TextField({
  label,
  hint,
  error,
  required,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement> & { name: string }): ReactNode {
  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      required={required}
      control={(control) => <input {...control} {...input} />}
    />
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  required,
  ...input
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string }): ReactNode {
  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      required={required}
      control={(control) => <textarea {...control} {...input} />}
    />
  );
}

export function SelectField({
  label,
  hint,
  error,
  required,
  options,
  placeholder,
  ...select
}: FieldProps &
  SelectHTMLAttributes<HTMLSelectElement> & {
    name: string;
    options: readonly { value: string; label: string }[];
    placeholder?: string;
  }): ReactNode {
  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      required={required}
      control={(control) => (
        <select {...control} {...select}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** A group of checkboxes or radios under one legend; the error names the group. */
export function ChoiceGroup<T extends string>({
  label,
  hint,
  error,
  required,
  name,
  type,
  options,
  selected,
  onChange,
}: FieldProps & {
  name: string;
  type: 'checkbox' | 'radio';
  options: readonly { value: T; label: string }[];
  selected: readonly T[];
  onChange: (selected: T[]) => void;
}): ReactNode {
  const id = useId();
  const toggle = (value: T, checked: boolean): void => {
    if (type === 'radio') onChange([value]);
    else onChange(checked ? [...selected, value] : selected.filter((v) => v !== value));
  };
  return (
    <fieldset
      className={error ? 'field choices has-error' : 'field choices'}
      aria-describedby={describedBy(id, hint, error)}
      aria-invalid={error ? true : undefined}
    >
      <legend>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </legend>
      <Hint id={id} hint={hint} error={error} />
      <div className="choice-list">
        {options.map((option) => (
          <label key={option.value} className="choice">
            <input
              type={type}
              name={name}
              value={option.value}
              checked={selected.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** After a failed submit: focus the first field in error (the first input of a group in error). */
export function focusFirstError(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const target = invalid instanceof HTMLFieldSetElement ? invalid.querySelector<HTMLElement>('input') : invalid;
    target?.focus();
  });
}
