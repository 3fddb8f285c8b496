import type { ReactNode } from 'react';
import { ApiProblem } from '../../api/problem';
import { useDraft } from '../../lib/use-draft';
import { useBanks } from '../../reference/reference-lists';
import type { CaseAction } from '../cases/case-commands';
import type { CaseActionsProps } from '../cases/case-page';
import { CloseForm, emptyClose } from './close-form';
import { emptyExtend, ExtendForm } from './extend-form';
import { emptyReassign, ReassignForm } from './reassign-form';

/**
 * The supervisor's part of the case page, while the case is open (not closed, no loan signed): reassign
 * it to another bank, extend a deadline, or close it. The API's field errors land in the form that sent.
 */
export function SupervisorCaseActions({ detail, command }: CaseActionsProps): ReactNode {
  const banks = useBanks();
  const [reassign, setReassign, clearReassign] = useDraft(`supervisor.reassign.${detail.id}`, emptyReassign);
  const [extend, setExtend, clearExtend] = useDraft(`supervisor.extend.${detail.id}`, emptyExtend);
  const [close, setClose, clearClose] = useDraft(`supervisor.close.${detail.id}`, emptyClose);
  const sent = command.variables?.action;
  const busy = (action: CaseAction): boolean => command.isPending && sent === action;
  const serverErrors = (action: CaseAction): Record<string, string> =>
    sent === action && command.error instanceof ApiProblem ? command.error.fieldErrors() : {};
  if (detail.status === 'closed' || detail.status === 'loan_signed') return null;
  return (
    <div className="action-grid">
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
        onSubmit={(body) => command.mutate({ action: 'close', body }, { onSuccess: clearClose })}
      />
    </div>
  );
}
