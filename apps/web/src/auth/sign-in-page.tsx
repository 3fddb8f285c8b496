import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiProblem } from '../api/problem';
import { focusFirstError, TextField } from '../components/fields';
import { LanguageSwitch } from '../components/language-switch';
import { Notice, ProblemBanner } from '../components/problem-banner';
import { useI18n } from '../i18n/i18n';
import { useAuth } from './auth';

/** Sign in, then back to the page the user was on (`?next=`), where the drafts wait. */
export function SignInPage(): ReactNode {
  const { t } = useI18n();
  const { signIn, expired } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [problem, setProblem] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found = {
      ...(email.trim() ? {} : { email: t('form.required') }),
      ...(password ? {} : { password: t('form.required') }),
    };
    setErrors(found);
    setProblem(undefined);
    if (Object.keys(found).length > 0) {
      focusFirstError(formRef.current);
      return;
    }
    setBusy(true);
    signIn(email.trim(), password)
      // The shell then goes on to `?next=`.
      .then(() => undefined)
      .catch((error: unknown) => {
        if (error instanceof ApiProblem && error.status === 401) setErrors({ password: t('auth.badCredentials') });
        else if (error instanceof ApiProblem && error.errors.length > 0) setErrors(error.fieldErrors());
        else setProblem(error);
        focusFirstError(formRef.current);
      })
      .finally(() => setBusy(false));
  };

  return (
    <main id="main" className="sign-in">
      <LanguageSwitch />
      <h1>{t('app.name')}</h1>
      {expired && <Notice kind="warning">{t('auth.expired')}</Notice>}
      <ProblemBanner error={problem} />
      <form ref={formRef} onSubmit={submit} noValidate className="form" aria-label={t('auth.signIn')}>
        <TextField
          name="email"
          type="email"
          autoComplete="username"
          label={t('auth.email')}
          required
          value={email}
          error={errors.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          name="password"
          type="password"
          autoComplete="current-password"
          label={t('auth.password')}
          required
          value={password}
          error={errors.password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button type="submit" disabled={busy}>
          {busy ? t('auth.signingIn') : t('auth.signIn')}
        </button>
      </form>
    </main>
  );
}
