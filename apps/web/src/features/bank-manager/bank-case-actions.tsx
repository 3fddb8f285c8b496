import { useState, type ReactNode } from 'react';
import { ApiProblem } from '../../api/problem';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useUser } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useDraft } from '../../lib/use-draft';
import { useBanks, useDeclineReasons, useGuaranteeInstitutions } from '../../reference/reference-lists';
import type { CaseActionsProps } from '../cases/case-page';
import { ApproveDialog } from './approve-dialog';
import { DeclineForm, emptyDecline, type DeclineBody } from './decline-form';
import { emptyContract, LoansForm, type ContractValues, type SignLoansBody } from './loans-form';
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
  const guarantors = useGuaranteeInstitutions();
  const declineReasons = useDeclineReasons();
  const [decline, setDecline, clearDecline] = useDraft(`bank.decline.${c.id}`, emptyDecline);
  const [loans, setLoans, clearLoans] = useDraft<{ contracts: ContractValues[] }>(`bank.loans.${c.id}`, () => ({
    contracts: [emptyContract()],
  }));
  const [milestone, setMilestone, clearMilestone] = useDraft(`bank.milestone.${c.id}`, emptyMilestone);
  const [approving, setApproving] = useState(false);
  const [pendingDecline, setPendingDecline] = useState<DeclineBody | undefined>();
  const [pendingLoans, setPendingLoans] = useState<SignLoansBody | undefined>();

  const busy = command.isPending;
  const version = c.version;
  const problem = command.error instanceof ApiProblem && command.error.status === 400 ? command.error : undefined;
  const fieldErrors = problem?.fieldErrors() ?? {};
  const mine = c.claimedByUserId === user.id;
  const simple = (action: 'claim' | 'release' | 'pause' | 'resume'): void =>
    command.mutate({ action, body: { expectedVersion: version } });
  /** Approval comes after contact: the first-contact clock is met (none is open). */
  const contacted = !c.obligations.some((o) => o.obligation === 'first_contact' && !o.metAt && !o.cancelledAt);

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
        reasons={declineReasons.data ?? []}
        values={decline}
        onChange={setDecline}
        onSubmit={setPendingDecline}
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
          {!contacted && <p>{t('case.needsContact')}</p>}
          <p className="page-actions">
            {contacted ? (
              <button type="button" disabled={busy} onClick={() => setApproving(true)}>
                {t('case.approve')}
              </button>
            ) : (
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  command.mutate({ action: 'milestones', body: { type: 'contacted', expectedVersion: version } })
                }
              >
                {t('case.recordContact')}
              </button>
            )}
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
              onSubmit={setPendingLoans}
              banks={banks.data ?? []}
              guarantors={guarantors.data ?? []}
              serverErrors={problem?.errors ?? []}
              busy={busy}
            />
          </section>
          {c.status === 'approved' && declinePanel}
        </>
      )}
      {c.status === 'closed' && <p>{t('case.noActions')}</p>}
      <ApproveDialog
        key={`approve-${version}`}
        open={approving}
        expectedVersion={version}
        busy={busy}
        onCancel={() => setApproving(false)}
        onConfirm={(body) => {
          setApproving(false);
          command.mutate({ action: 'approve', body });
        }}
      />
      <ConfirmDialog
        open={pendingDecline !== undefined}
        title={t('decline.title')}
        confirmLabel={t('confirm.declineYes')}
        cancelLabel={t('confirm.cancel')}
        busy={busy}
        onCancel={() => setPendingDecline(undefined)}
        onConfirm={() => {
          if (pendingDecline) command.mutate({ action: 'decline', body: pendingDecline }, { onSuccess: clearDecline });
          setPendingDecline(undefined);
        }}
      >
        <p>
          {t(
            declineReasons.data?.some((r) => r.code === pendingDecline?.reason && r.repairable)
              ? 'decline.confirmRepair'
              : 'confirm.decline',
          )}
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={pendingLoans !== undefined}
        title={c.status === 'approved' ? t('loans.title') : t('loans.more')}
        confirmLabel={t('confirm.signYes')}
        cancelLabel={t('confirm.cancel')}
        busy={busy}
        onCancel={() => setPendingLoans(undefined)}
        onConfirm={() => {
          if (pendingLoans) command.mutate({ action: 'loans', body: pendingLoans }, { onSuccess: clearLoans });
          setPendingLoans(undefined);
        }}
      >
        <p>{t('confirm.sign')}</p>
      </ConfirmDialog>
    </section>
  );
}
