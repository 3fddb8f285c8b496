import { useState, type ReactNode } from 'react';
import { ApiProblem } from '../../api/problem';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useI18n } from '../../i18n/i18n';
import { useDraft } from '../../lib/use-draft';
import { useBanks } from '../../reference/reference-lists';
import type { CaseAction } from '../cases/case-commands';
import type { CaseActionsProps } from '../cases/case-page';
import { CloseForm, emptyClose, type CloseBody } from './close-form';
import { emptyExtend, ExtendForm } from './extend-form';
import { emptyReassign, ReassignForm } from './reassign-form';
import { ScreeningActions } from './screening-actions';

/**
 * The supervisor's part of the case page: the screening while the need waits for it; then, while the case is
 * open (not closed, screened out or signed): reassign
 * it to another bank, extend a deadline, or close it (confirmed in a dialog: a close cannot be undone). The
 * API's field errors land in the form that sent.
 */
export function SupervisorCaseActions({ detail, command }: CaseActionsProps): ReactNode {
  const { t } = useI18n();
  const banks = useBanks();
  const [pendingClose, setPendingClose] = useState<CloseBody | undefined>();
  const [reassign, setReassign, clearReassign] = useDraft(`supervisor.reassign.${detail.id}`, emptyReassign);
  const [extend, setExtend, clearExtend] = useDraft(`supervisor.extend.${detail.id}`, emptyExtend);
  const [close, setClose, clearClose] = useDraft(`supervisor.close.${detail.id}`, emptyClose);
  const sent = command.variables?.action;
  const busy = (action: CaseAction): boolean => command.isPending && sent === action;
  const serverErrors = (action: CaseAction): Record<string, string> =>
    sent === action && command.error instanceof ApiProblem ? command.error.fieldErrors() : {};
  if (detail.status === 'submitted') return <ScreeningActions detail={detail} command={command} />;
  if (detail.status === 'closed' || detail.status === 'loan_signed' || detail.status === 'screened_out') return null;
  const routeOn = detail.status === 'repairing' && (
    <div className="form">
      <h2>{t('repairs.route')}</h2>
      <p className="summary">{t('repairs.routeHint')}</p>
      <button
        type="button"
        className="secondary"
        disabled={busy('route')}
        onClick={() => command.mutate({ action: 'route', body: { expectedVersion: detail.version } })}
      >
        {busy('route') ? t('form.saving') : t('repairs.route')}
      </button>
    </div>
  );
  return (
    <div className="action-grid">
      {routeOn}
      <ReassignForm
        banks={banks.data ?? []}
        currentBankId={detail.assignedBankId}
        version={detail.version}
        values={reassign}
        onChange={setReassign}
        busy={busy('reassign')}
        serverErrors={serverErrors('reassign')}
        onSubmit={(body) => command.mutate({ action: 'reassign', body }, { onSuccess: clearReassign })}
      />
      <ExtendForm
        version={detail.version}
        values={extend}
        onChange={setExtend}
        busy={busy('extend')}
        serverErrors={serverErrors('extend')}
        onSubmit={(body) => command.mutate({ action: 'extend', body }, { onSuccess: clearExtend })}
      />
      <CloseForm
        version={detail.version}
        values={close}
        onChange={setClose}
        busy={busy('close')}
        serverErrors={serverErrors('close')}
        onSubmit={setPendingClose}
      />
      <ConfirmDialog
        open={pendingClose !== undefined}
        title={t('confirm.closeTitle')}
        confirmLabel={t('confirm.closeYes')}
        cancelLabel={t('confirm.cancel')}
        busy={busy('close')}
        onCancel={() => setPendingClose(undefined)}
        onConfirm={() => {
          if (pendingClose) command.mutate({ action: 'close', body: pendingClose }, { onSuccess: clearClose });
          setPendingClose(undefined);
        }}
      >
        <p>{t('confirm.close')}</p>
      </ConfirmDialog>
    </div>
  );
}
