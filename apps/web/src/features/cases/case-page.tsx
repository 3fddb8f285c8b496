import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { queryKeys } from '../../api/query-keys';
import type { CaseDetail, Role } from '../../api/types';
import { Link } from '../../app/router';
import { useUser } from '../../auth/auth';
import { Page } from '../../components/page';
import { Notice, ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';
import { BankCaseActions } from '../bank-manager/bank-case-actions';
import { SupervisorCaseActions } from '../supervisor/supervisor-case-actions';
import { CASE_ACTION_DONE, useCaseCommand, useCaseDetail, type CaseCommandMutation } from './case-commands';
import { CaseEnterprise } from './case-enterprise';
import { CaseEscalations } from './case-escalations';
import { CaseLoans } from './case-loans';
import { CaseRenewal } from './case-renewal';
import { CaseObligations } from './case-obligations';
import { CaseRepairs } from './case-repairs';
import { CaseSummary } from './case-summary';
import { CaseTimeline } from './case-timeline';

/** What a role's part of the case page gets: the case as read, and the one way to act on it. */
export interface CaseActionsProps {
  detail: CaseDetail;
  command: CaseCommandMutation;
}

/** The parts of the case page that differ by role: where "back" leads, and the actions. */
const ROLE_PARTS: Partial<
  Record<Role, { back: string; backLabel: MessageKey; Actions: (props: CaseActionsProps) => ReactNode }>
> = {
  bank_manager: { back: '/queue', backLabel: 'case.backToQueue', Actions: BankCaseActions },
  field_officer: { back: '/my-cases', backLabel: 'case.backToMyCases', Actions: () => null },
  supervisor: { back: '/escalations', backLabel: 'supervisor.backToQueue', Actions: SupervisorCaseActions },
  partner_officer: { back: '/repair-tasks', backLabel: 'case.backToTasks', Actions: () => null },
};

/** Where a role's case page lives. */
const CASE_PATHS: Partial<Record<Role, string>> = {
  bank_manager: '/queue',
  field_officer: '/my-cases',
  supervisor: '/supervision/cases',
};

/**
 * One case, for every role that works it (`/queue/:id` for a bank manager, `/my-cases/:id` for a field
 * officer, `/supervision/cases/:id` for a supervisor): where it stands and at which bank, the role's actions
 * (the next sensible one first), its clocks, the enterprise's profile, the visit and diagnosis, its loans,
 * escalations and timeline. An action that succeeds says so and the case is read again; a conflict (409)
 * says what happened and reads it again.
 */
export function CasePage({ caseId }: { caseId: string }): ReactNode {
  const { t } = useI18n();
  const user = useUser();
  const queryClient = useQueryClient();
  const detail = useCaseDetail(caseId);
  const command = useCaseCommand(caseId);
  const parts = ROLE_PARTS[user.role];
  const c = detail.data;
  // Another case (the contract a renewal renews, a contract's renewal) opens on this role's case page.
  const caseHref = (id: string): string => `${CASE_PATHS[user.role] ?? parts?.back ?? ''}/${id}`;
  const action = command.isSuccess ? command.variables.action : undefined;
  // A repairable decline goes to a second diagnosis, not on to the next bank.
  const done =
    action === 'decline' && c?.status === 'repairing'
      ? 'decline.toRepair'
      : action
        ? CASE_ACTION_DONE[action]
        : undefined;
  return (
    <Page
      title={c ? t('case.title', { number: c.number }) : t('case.loadingTitle')}
      actions={
        <>
          {parts && <Link to={parts.back}>{t(parts.backLabel)}</Link>}{' '}
          <button type="button" className="secondary" onClick={() => void detail.refetch()}>
            {t('list.refresh')}
          </button>
        </>
      }
    >
      <ProblemBanner
        error={command.error}
        onConflict={() => void queryClient.invalidateQueries({ queryKey: queryKeys.cases.all })}
        onDismiss={command.reset}
      />
      {done && <Notice kind="success">{t(done)}</Notice>}
      {!c && <ProblemBanner error={detail.error} />}
      {!c && detail.isLoading && <p>{t('app.loading')}</p>}
      {c && (
        <>
          <CaseSummary detail={c} />
          <CaseRenewal detail={c} caseHref={caseHref} />
          <CaseRepairs detail={c} />
          {parts && <parts.Actions detail={c} command={command} />}
          <CaseObligations detail={c} />
          <CaseEnterprise detail={c} />
          <CaseLoans
            loans={c.loans}
            canApply={user.role === 'field_officer' || user.role === 'supervisor' || user.role === 'bank_manager'}
            caseHref={caseHref}
          />
          <CaseEscalations escalations={c.escalations} />
          <CaseTimeline detail={c} />
        </>
      )}
    </Page>
  );
}
