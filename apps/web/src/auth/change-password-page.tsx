import { brokenPasswordRule, PASSWORD_MIN_LENGTH } from '@unblock/domain';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { unwrap } from '../api/client';
import { ApiProblem } from '../api/problem';
import { useApiMutation } from '../api/use-api-mutation';
import { useRouter } from '../app/router';
import { focusFirstError, TextField } from '../components/fields';
import { Page } from '../components/page';
import { Notice, ProblemBanner } from '../components/problem-banner';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages.en';
import { useAuth, useUser } from './auth';

export const CHANGE_PASSWORD_PATH = '/account/password';

type Field = 'currentPassword' | 'newPassword' | 'confirmPassword';
type Errors = Partial<Record<Field, MessageKey>>;

/** The API's reason for refusing a password, as a message of the catalogue. */
function fromProblem(problem: ApiProblem): Errors | undefined {
  const errors: Errors = {};
  for (const { field, message } of problem.errors) {
    if (field === 'currentPassword') errors.currentPassword = 'account.wrongCurrent';
    if (field === 'newPassword') {
      errors.newPassword = /common/u.test(message)
        ? 'account.common'
        : /email/u.test(message)
          ? 'account.containsEmail'
          : /differ/u.test(message)
            ? 'account.sameAsCurrent'
            : 'admin.passwordLength';
    }
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}

/**
 * `/account/password`: every user changes their own password (current, new, the new again), under the
 * policy it shows. After a reset the console leads here, and nowhere else, until it is done. The API ends
 * the user's other sessions; this one goes on with a refreshed token.
 */
export function ChangePasswordPage(): ReactNode {
  const { t } = useI18n();
  const { api, store, mustChangePassword } = useAuth();
  const user = useUser();
  const { navigate } = useRouter();
  const [values, setValues] = useState<Record<Field, string>>({
    currentPassword: '',
    newPassword: '',
    confirmPassword: '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const change = useApiMutation(async (body: { currentPassword: string; newPassword: string }) => {
    await unwrap(api.POST('/api/v1/me/password', { body }));
    // This session's access token predates the change: a new one, without the must-change flag.
    await store.refresh();
  }, []);
  const problem = change.error instanceof ApiProblem ? change.error : undefined;
  const serverErrors = problem ? fromProblem(problem) : undefined;
  const shown: Errors = serverErrors ?? errors;
  const tooMany = problem?.status === 429;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found: Errors = {};
    if (!values.currentPassword) found.currentPassword = 'form.required';
    const broken = brokenPasswordRule(values.newPassword, user.email);
    if (broken === 'contains_email') found.newPassword = 'account.containsEmail';
    else if (broken !== undefined) found.newPassword = 'admin.passwordLength';
    else if (values.newPassword === values.currentPassword) found.newPassword = 'account.sameAsCurrent';
    if (values.confirmPassword !== values.newPassword) found.confirmPassword = 'account.mismatch';
    change.reset();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError(formRef.current);
      return;
    }
    const forced = mustChangePassword;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          setValues({ currentPassword: '', newPassword: '', confirmPassword: '' });
          if (forced) navigate('/', { replace: true });
        },
        onError: () => focusFirstError(formRef.current),
      },
    );
  };
  const field = (name: Field, label: MessageKey, autoComplete: string, hint?: MessageKey): ReactNode => {
    const error = shown[name];
    return (
      <TextField
        name={name}
        type="password"
        autoComplete={autoComplete}
        label={t(label)}
        required
        hint={hint ? t(hint) : undefined}
        value={values[name]}
        error={error ? t(error, { min: PASSWORD_MIN_LENGTH }) : undefined}
        onChange={(event) => setValues((current) => ({ ...current, [name]: event.target.value }))}
      />
    );
  };

  return (
    <Page title={t('account.password')}>
      {mustChangePassword && <Notice kind="warning">{t('account.mustChange')}</Notice>}
      {change.isSuccess && <Notice kind="success">{t('account.changed')}</Notice>}
      {tooMany && <Notice kind="warning">{t('account.tooMany')}</Notice>}
      {!tooMany && !serverErrors && <ProblemBanner error={change.error} onDismiss={change.reset} />}
      <form ref={formRef} onSubmit={submit} noValidate className="form panel" aria-label={t('account.password')}>
        {field('currentPassword', 'account.currentPassword', 'current-password')}
        {field('newPassword', 'account.newPassword', 'new-password', 'account.policy')}
        {field('confirmPassword', 'account.confirmPassword', 'new-password')}
        <button type="submit" disabled={change.isPending}>
          {change.isPending ? t('form.saving') : t('account.changeSubmit')}
        </button>
      </form>
    </Page>
  );
}
