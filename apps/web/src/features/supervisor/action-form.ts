import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { focusFirstError } from '../../components/fields';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';

/** The longest note an action on a case takes. */
export const ACTION_NOTE_MAX = 4000;

export type Errors<V> = Partial<Record<keyof V, MessageKey>>;
export type Result<B, V> = { ok: true; body: B } | { ok: false; errors: Errors<V> };

/** What every supervisor's action form takes: its values (a draft), the submit, the API's field errors. */
export interface ActionFormProps<V, B> {
  values: V;
  onChange: (patch: Partial<V>) => void;
  onSubmit: (body: B) => void;
  serverErrors?: Record<string, string>;
  busy?: boolean;
}

export const withNote = (note: string): { note?: string } => (note.trim() ? { note: note.trim() } : {});

/**
 * A form's submit: validate, then either show the errors (own first, then the API's `errors[].field`) and
 * focus the first, or send the body.
 */
export function useActionForm<V, B>(
  validate: () => Result<B, V>,
  onSubmit: (body: B) => void,
  serverErrors: Record<string, string>,
): {
  formRef: RefObject<HTMLFormElement | null>;
  submit: (event: FormEvent) => void;
  message: (field: keyof V & string) => string | undefined;
} {
  const { t } = useI18n();
  const [errors, setErrors] = useState<Errors<V>>({});
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
  const message = (field: keyof V & string): string | undefined => {
    const own = errors[field];
    return own ? t(own, { max: ACTION_NOTE_MAX }) : serverErrors[field];
  };
  return { formRef, submit, message };
}
