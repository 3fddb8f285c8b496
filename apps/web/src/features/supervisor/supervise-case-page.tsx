import { useState, type ReactNode } from 'react';
import { unwrap } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { CaseDetail } from '../../api/types';
import { Link } from '../../app/router';
import { useAuth } from '../../auth/auth';
import { Page, StatusBadge } from '../../components/page';
import { Notice, ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';
import { useDraft } from '../../lib/use-draft';
import { useLoad } from '../../lib/use-load';
import { CloseForm, emptyClose, emptyExtend, emptyReassign, ExtendForm, ReassignForm } from './case-action-forms';
import { loadReferenceData, nameOf } from './reference-data';

type Action = 'reassign' | 'extend' | 'close';

/** One case as a supervisor sees it: where it stands, and the three actions (reassign, extend, close). */
export function SuperviseCasePage({ caseId }: { caseId: string }): ReactNode {
  const { t, money, exact, dateTime } = useI18n();
  const { api } = useAuth();
  const view = useLoad(async () => {
    const [detail, reference] = await Promise.all([
      unwrap<CaseDetail>(api.GET('/api/v1/cases/{id}', { params: { path: { id: caseId } } })),
      loadReferenceData(api),
    ]);
    return { detail, reference };
  }, [api, caseId]);
  const [reassign, setReassign, clearReassign] = useDraft(`supervisor.reassign.${caseId}`, emptyReassign);
  const [extend, setExtend, clearExtend] = useDraft(`supervisor.extend.${caseId}`, emptyExtend);
  const [close, setClose, clearClose] = useDraft(`supervisor.close.${caseId}`, emptyClose);
  const [busy, setBusy] = useState<Action | undefined>(undefined);
  const [error, setError] = useState<{ action: Action; error: unknown } | undefined>(undefined);
  const [done, setDone] = useState<MessageKey | undefined>(undefined);

  const run = async (
    action: Action,
    call: () => Promise<unknown>,
    clear: () => void,
    message: MessageKey,
  ): Promise<void> => {
    setBusy(action);
    setError(undefined);
    setDone(undefined);
    try {
      await call();
      clear();
      setDone(message);
      view.reload();
    } catch (failure: unknown) {
      setError({ action, error: failure });
    } finally {
      setBusy(undefined);
    }
  };
  const serverErrors = (action: Action): Record<string, string> =>
    error?.action === action && error.error instanceof ApiProblem ? error.error.fieldErrors() : {};

  const detail = view.data?.detail;
  const reference = view.data?.reference;
  const open = detail !== undefined && detail.status !== 'closed' && detail.status !== 'loan_signed';
  return (
    <Page title={detail ? t('supervisor.caseTitle', { number: detail.number }) : t('supervisor.caseTitleLoading')}>
      <p>
        <Link to="/escalations">{t('supervisor.backToQueue')}</Link>
      </p>
      <ProblemBanner error={view.error} />
      <ProblemBanner error={error?.error} onConflict={view.reload} onDismiss={() => setError(undefined)} />
      {done && <Notice kind="success">{t(done)}</Notice>}
      {detail && (
        <dl className="facts" data-testid="case-facts">
          <dt>{t('col.status')}</dt>
          <dd>
            <StatusBadge status={detail.status} label={t(`status.${detail.status}`)} />
          </dd>
          <dt>{t('supervisor.bank')}</dt>
          <dd data-testid="assigned-bank">{nameOf(reference?.banks, detail.assignedBankId)}</dd>
          <dt>{t('col.amount')}</dt>
          <dd title={exact(detail.requestedAmount)}>{money(detail.requestedAmount)}</dd>
          <dt>{t('col.due')}</dt>
          <dd>{detail.dueAt ? dateTime(detail.dueAt) : '—'}</dd>
          <dt>{t('escalations.level')}</dt>
          <dd>{detail.escalationLevel}</dd>
        </dl>
      )}
      {detail && reference && open && (
        <div className="action-grid">
          <ReassignForm
            banks={reference.banks}
            currentBankId={detail.assignedBankId}
            version={detail.version}
            values={reassign}
            onChange={setReassign}
            busy={busy === 'reassign'}
            serverErrors={serverErrors('reassign')}
            onSubmit={(body) =>
              void run(
                'reassign',
                () => unwrap(api.POST('/api/v1/cases/{id}/reassign', { params: { path: { id: caseId } }, body })),
                clearReassign,
                'supervisor.reassigned',
              )
            }
          />
          <ExtendForm
            version={detail.version}
            values={extend}
            onChange={setExtend}
            busy={busy === 'extend'}
            serverErrors={serverErrors('extend')}
            onSubmit={(body) =>
              void run(
                'extend',
                () => unwrap(api.POST('/api/v1/cases/{id}/extend', { params: { path: { id: caseId } }, body })),
                clearExtend,
                'supervisor.extended',
              )
            }
          />
          <CloseForm
            version={detail.version}
            values={close}
            onChange={setClose}
            busy={busy === 'close'}
            serverErrors={serverErrors('close')}
            onSubmit={(body) =>
              void run(
                'close',
                () => unwrap(api.POST('/api/v1/cases/{id}/close', { params: { path: { id: caseId } }, body })),
                clearClose,
                'supervisor.closed',
              )
            }
          />
        </div>
      )}
    </Page>
  );
}
