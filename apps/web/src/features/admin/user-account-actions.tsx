import { useEffect, useRef, useState, type ReactNode } from 'react';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { User } from '../../api/types';
import { useApiMutation } from '../../api/use-api-mutation';
import { useAuth, useUser } from '../../auth/auth';
import { Notice, ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';

type Kind = 'deactivate' | 'reactivate' | 'reset';
type Action = { kind: Kind; user: User };
type Outcome = { kind: 'deactivate' | 'reactivate'; name: string } | { kind: 'reset'; name: string; password: string };

const CONFIRM: Record<Kind, MessageKey> = {
  deactivate: 'users.confirmDeactivate',
  reactivate: 'users.confirmReactivate',
  reset: 'users.confirmReset',
};

/** The one-time password, shown once, with a copy button and what to do with it. */
function OneTimePassword({
  name,
  password,
  onDone,
}: {
  name: string;
  password: string;
  onDone: () => void;
}): ReactNode {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = (): void => {
    try {
      navigator.clipboard.writeText(password).then(
        () => setCopied('yes'),
        () => setCopied('failed'),
      );
    } catch {
      // No clipboard outside a secure context (plain HTTP on a LAN): the password is selectable.
      setCopied('failed');
    }
  };
  return (
    <section className="panel one-time-password" aria-labelledby="one-time-title" data-testid="one-time-password">
      <h2 id="one-time-title" ref={heading} tabIndex={-1}>
        {t('users.oneTimeTitle', { name })}
      </h2>
      <Notice kind="warning">{t('users.oneTimeWarning', { name })}</Notice>
      <p>
        <code className="secret" data-testid="one-time-value">
          {password}
        </code>
      </p>
      <div className="button-row">
        <button type="button" onClick={copy}>
          {t('users.copy')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('users.done')}
        </button>
      </div>
      {copied === 'yes' && <p role="status">{t('users.copied')}</p>}
      {copied === 'failed' && <p role="status">{t('users.copyFailed')}</p>}
    </section>
  );
}

/**
 * What an admin does to an account besides editing it: deactivate or reactivate it, reset its password;
 * each after a confirmation. The reset's one-time password is shown once. An admin is offered neither
 * deactivating themself (the API refuses it too).
 */
export function useUserAccountActions(): { rowActions: (user: User) => ReactNode; banner: ReactNode } {
  const { t } = useI18n();
  const { api } = useAuth();
  const me = useUser();
  const [pending, setPending] = useState<Action | undefined>();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const write = useApiMutation(
    async ({ kind, user }: Action): Promise<Outcome> => {
      const path = { params: { path: { id: user.id } } };
      if (kind === 'reset') {
        const answer = await unwrap(api.POST('/api/v1/users/{id}/reset-password', path));
        return { kind, name: user.name, password: answer.oneTimePassword };
      }
      await unwrap(api.PATCH('/api/v1/users/{id}', { ...path, body: { active: kind === 'reactivate' } }));
      return { kind, name: user.name };
    },
    [queryKeys.users.all],
  );

  const ask = (kind: Kind, user: User): void => {
    write.reset();
    setOutcome(undefined);
    setPending({ kind, user });
  };
  const confirm = (): void => {
    if (!pending) return;
    write.mutate(pending, {
      onSuccess: (result) => setOutcome(result),
      onSettled: () => setPending(undefined),
    });
  };

  const rowActions = (user: User): ReactNode => {
    const self = user.id === me.id;
    const toggle: Kind = user.active ? 'deactivate' : 'reactivate';
    return (
      <>
        {!self && (
          <button
            type="button"
            className="link-button"
            aria-label={t(user.active ? 'users.deactivateItem' : 'users.reactivateItem', { name: user.name })}
            onClick={() => ask(toggle, user)}
          >
            {t(user.active ? 'users.deactivate' : 'users.reactivate')}
          </button>
        )}
        <button
          type="button"
          className="link-button"
          aria-label={t('users.resetPasswordItem', { name: user.name })}
          onClick={() => ask('reset', user)}
        >
          {t('users.resetPassword')}
        </button>
      </>
    );
  };

  const banner = (
    <>
      <ProblemBanner error={write.error} onDismiss={write.reset} />
      {pending && (
        <section className="panel confirm" role="alertdialog" aria-labelledby="confirm-text" data-testid="confirm">
          <p id="confirm-text">{t(CONFIRM[pending.kind], { name: pending.user.name })}</p>
          <div className="button-row">
            <button type="button" onClick={confirm} disabled={write.isPending} autoFocus>
              {write.isPending ? t('form.saving') : t('users.confirm')}
            </button>
            <button type="button" className="secondary" onClick={() => setPending(undefined)}>
              {t('users.cancel')}
            </button>
          </div>
        </section>
      )}
      {outcome?.kind === 'reset' && (
        <OneTimePassword name={outcome.name} password={outcome.password} onDone={() => setOutcome(undefined)} />
      )}
      {outcome?.kind === 'deactivate' && (
        <Notice kind="success">{t('users.deactivated', { name: outcome.name })}</Notice>
      )}
      {outcome?.kind === 'reactivate' && (
        <Notice kind="success">{t('users.reactivated', { name: outcome.name })}</Notice>
      )}
    </>
  );
  return { rowActions, banner };
}
