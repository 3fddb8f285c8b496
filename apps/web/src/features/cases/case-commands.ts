import { useQuery, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { unwrap, type ApiClient } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { CaseDetail, Schemas } from '../../api/types';
import { useApiMutation } from '../../api/use-api-mutation';
import { useAuth } from '../../auth/auth';
import type { MessageKey } from '../../i18n/messages.en';

/** One action on a case, as `POST /cases/:id/<action>` takes it; every body names the version it acts on. */
export type CaseCommand =
  | { action: 'claim' | 'release' | 'pause' | 'resume' | 'route'; body: Schemas['CaseActionDto'] }
  | { action: 'approve'; body: Schemas['ApproveCaseDto'] }
  | { action: 'decline'; body: Schemas['DeclineCaseDto'] }
  | { action: 'milestones'; body: Schemas['MilestoneDto'] }
  | { action: 'loans'; body: Schemas['SignLoansDto'] }
  | { action: 'reassign'; body: Schemas['ReassignCaseDto'] }
  | { action: 'extend'; body: Schemas['ExtendDeadlineDto'] }
  | { action: 'close'; body: Schemas['CloseCaseDto'] }
  | { action: 'screen'; body: Schemas['ScreenCaseDto'] };

export type CaseAction = CaseCommand['action'];

/** What the page says after each action succeeded. */
export const CASE_ACTION_DONE: Record<CaseAction, MessageKey> = {
  claim: 'case.claimed',
  release: 'case.released',
  approve: 'case.approved',
  pause: 'case.paused',
  resume: 'case.resumed',
  decline: 'case.declined',
  milestones: 'case.milestoneRecorded',
  loans: 'case.signedDone',
  reassign: 'supervisor.reassigned',
  extend: 'supervisor.extended',
  close: 'supervisor.closed',
  screen: 'screening.done',
  route: 'repairs.routed',
};

function send(api: ApiClient, id: string, command: CaseCommand): Promise<unknown> {
  const path = { params: { path: { id } } };
  switch (command.action) {
    case 'claim':
      return unwrap(api.POST('/api/v1/cases/{id}/claim', { ...path, body: command.body }));
    case 'release':
      return unwrap(api.POST('/api/v1/cases/{id}/release', { ...path, body: command.body }));
    case 'approve':
      return unwrap(api.POST('/api/v1/cases/{id}/approve', { ...path, body: command.body }));
    case 'pause':
      return unwrap(api.POST('/api/v1/cases/{id}/pause', { ...path, body: command.body }));
    case 'resume':
      return unwrap(api.POST('/api/v1/cases/{id}/resume', { ...path, body: command.body }));
    case 'decline':
      return unwrap(api.POST('/api/v1/cases/{id}/decline', { ...path, body: command.body }));
    case 'milestones':
      return unwrap(api.POST('/api/v1/cases/{id}/milestones', { ...path, body: command.body }));
    case 'loans':
      return unwrap(api.POST('/api/v1/cases/{id}/loans', { ...path, body: command.body }));
    case 'reassign':
      return unwrap(api.POST('/api/v1/cases/{id}/reassign', { ...path, body: command.body }));
    case 'extend':
      return unwrap(api.POST('/api/v1/cases/{id}/extend', { ...path, body: command.body }));
    case 'close':
      return unwrap(api.POST('/api/v1/cases/{id}/close', { ...path, body: command.body }));
    case 'screen':
      return unwrap(api.POST('/api/v1/cases/{id}/screen', { ...path, body: command.body }));
    case 'route':
      return unwrap(api.POST('/api/v1/cases/{id}/route', { ...path, body: command.body }));
  }
}

/** What an action changes besides the case: the queues, the escalations, the reports. */
export const CASE_WRITES_INVALIDATE = [
  queryKeys.cases.all,
  queryKeys.escalations.all,
  queryKeys.reports.all,
  queryKeys.repairs.all,
];

export type CaseCommandMutation = UseMutationResult<unknown, unknown, CaseCommand>;

/** The actions on one case, one at a time; a success reads the case (and the lists it is on) again. */
export function useCaseCommand(caseId: string): CaseCommandMutation {
  const { api } = useAuth();
  return useApiMutation((command: CaseCommand) => send(api, caseId, command), CASE_WRITES_INVALIDATE);
}

/** `GET /cases/:id`: the case with its obligations, loans and timeline. */
export function useCaseDetail(caseId: string): UseQueryResult<CaseDetail> {
  const { api } = useAuth();
  return useQuery({
    queryKey: queryKeys.cases.detail(caseId),
    queryFn: () => unwrap<CaseDetail>(api.GET('/api/v1/cases/{id}', { params: { path: { id: caseId } } })),
  });
}
