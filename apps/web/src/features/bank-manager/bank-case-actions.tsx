import type { ReactNode } from 'react';
import { ApiProblem } from '../../api/problem';
import { useUser } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useDraft } from '../../lib/use-draft';
import { useBanks } from '../../reference/reference-lists';
import type { CaseActionsProps } from '../cases/case-page';
import { DeclineForm, emptyDecline } from './decline-form';
import { emptyContract, LoansForm, type ContractValues } from './loans-form';
import { emptyMilestone, MilestoneForm } from './milestone-form';

/**
 * The bank manager's part of the case page: what the case's status allows them. Assigned: claim or
 * decline. Claimed by them: approve, pause or resume, release, record a milestone, decline. Approved: sign
 * the loan contracts (and more after the first). A case another manager holds is read-only.
 */
export function BankCaseActions({ detail: c, command }: CaseActionsProps): ReactNode {
  const { t } = useI18n();
  const user = useUser();
  const banks = useBanks();
  const [decline, setDecline, clearDecline] = useDraft(`bank.decline.${c.id}`, emptyDecline);
  const [loans, setLoans, clearLoans] = useDraft<{ contracts: ContractValues[] }>(`bank.loans.${c.id}`, () => ({
    contracts: [emptyContract()],
  }));
  const [milestone, setMilestone, clearMilestone] = useDraft(`bank.milestone.${c.id}`, emptyMilestone);

  const busy = command.isPending;
  const version = c.version;
  const problem = command.error instanceof ApiProblem && command.error.status === 400 ? command.error : undefined;
  const fieldErrors = problem?.fieldErrors() ?? {};
  const mine = c.claimedByUserId === user.id;
  const simple = (action: 'claim' | 'release' | 'approve' | 'pause' | 'resume'): void =>
    command.mutate({ action, body: { expectedVersion: version } });

  const pauseButton = (
    <button type="button" className="secondary" disabled={busy} onClick={() => simple(c.pausedAt ? 'resume' : 'pause')}>
      {c.pausedAt ? t('case.resume') : t('case.pause')}
    </button>
  );
  const declinePanel = (
    <details className="panel">
      <summary>{t('decline.title')}</summary>
      <DeclineForm
        expectedVersion={version}
        values={decline}
        onChange={setDecline}
        onSubmit={(body) => command.mutate({ action: 'decline', body }, { onSuccess: clearDecline })}
        serverErrors={fieldErrors}
        busy={busy}
      />
    </details>
  );

  return (
    <section className="panel" aria-labelledby="case-actions">
      <h2 id="case-actions">{t('case.actions')}</h2>
      {c.status === 'assigned' && (
        <>
          <p>
            <button type="button" disabled={busy} onClick={() => simple('claim')}>
              {t('case.claim')}
            </button>
          </p>
          {declinePanel}
        </>
      )}
      {['claimed', 'approved', 'loan_signed'].includes(c.status) && !mine && <p>{t('case.claimedByOther')}</p>}
      {c.status === 'claimed' && mine && (
        <>
          <p className="page-actions">
            <button type="button" disabled={busy} onClick={() => simple('approve')}>
              {t('case.approve')}
            </button>
            {pauseButton}
            <button type="button" className="secondary" disabled={busy} onClick={() => simple('release')}>
              {t('case.release')}
            </button>
          </p>
          <details className="panel">
            <summary>{t('case.milestone')}</summary>
            <MilestoneForm
              expectedVersion={version}
              values={milestone}
              onChange={setMilestone}
              onSubmit={(body) => command.mutate({ action: 'milestones', body }, { onSuccess: clearMilestone })}
              serverErrors={fieldErrors}
              busy={busy}
            />
          </details>
          {declinePanel}
        </>
      )}
      {(c.status === 'approved' || c.status === 'loan_signed') && mine && (
        <>
          {c.status === 'approved' && <p className="page-actions">{pauseButton}</p>}
          <section aria-labelledby="loans-title">
            <h3 id="loans-title">{c.status === 'approved' ? t('loans.title') : t('loans.more')}</h3>
            <LoansForm
              expectedVersion={version}
              contracts={loans.contracts}
              onChange={(contracts) => setLoans({ contracts })}
              onSubmit={(body) => command.mutate({ action: 'loans', body }, { onSuccess: clearLoans })}
              banks={banks.data ?? []}
              serverErrors={problem?.errors ?? []}
              busy={busy}
            />
          </section>
          {c.status === 'approved' && declinePanel}
        </>
      )}
      {c.status === 'closed' && <p>{t('case.noActions')}</p>}
    </section>
  );
}
