import type { ReactNode } from 'react';
import { unwrap } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { CaseDetail } from '../../api/types';
import { useApiMutation } from '../../api/use-api-mutation';
import { useAuth, useUser } from '../../auth/auth';
import { Notice, ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { useDraft } from '../../lib/use-draft';
import { useRepairers } from '../../reference/reference-lists';
import { emptyOpenRepair, OpenRepairForm, type OpenRepairBody } from '../repairs/open-repair-form';
import { RepairTaskCard } from '../repairs/repair-task-card';
import { CASE_WRITES_INVALIDATE } from './case-commands';

/**
 * The case's second diagnosis (二次诊断): its repair tasks, open ones first, each with who repairs it, the
 * decline reason and repair path, the due date in working days, its status and notes. A supervisor opens a new
 * task while the case is `repairing`.
 */
export function CaseRepairs({ detail: c }: { detail: CaseDetail }): ReactNode {
  const { t } = useI18n();
  const user = useUser();
  const canOpen = user.role === 'supervisor' && c.status === 'repairing';
  const tasks = [...c.repairs].sort(
    (a, b) => Number(b.status === 'open') - Number(a.status === 'open') || b.openedAt.localeCompare(a.openedAt),
  );
  if (tasks.length === 0 && c.status !== 'repairing') return null;
  return (
    <section className="panel" aria-labelledby="case-repairs" data-testid="case-repairs">
      <h2 id="case-repairs">{t('repairs.title')}</h2>
      {tasks.length === 0 ? (
        <p>{t('repairs.empty')}</p>
      ) : (
        <ul className="repair-tasks">
          {tasks.map((task) => (
            <RepairTaskCard key={task.id} task={task} heading={task.organizationName} />
          ))}
        </ul>
      )}
      {canOpen && <OpenRepair detail={c} />}
    </section>
  );
}

function OpenRepair({ detail: c }: { detail: CaseDetail }): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const repairers = useRepairers();
  const [values, setValues, clear] = useDraft(`supervisor.repair.${c.id}`, emptyOpenRepair);
  const open = useApiMutation(
    (body: OpenRepairBody) => unwrap(api.POST('/api/v1/cases/{id}/repairs', { params: { path: { id: c.id } }, body })),
    CASE_WRITES_INVALIDATE,
  );
  const serverErrors = open.error instanceof ApiProblem ? open.error.fieldErrors() : {};
  return (
    <>
      <ProblemBanner error={open.error ?? repairers.error} onDismiss={open.reset} />
      {open.isSuccess && <Notice kind="success">{t('repairs.opened')}</Notice>}
      <OpenRepairForm
        version={c.version}
        repairers={repairers.data ?? []}
        values={values}
        onChange={setValues}
        busy={open.isPending}
        serverErrors={serverErrors}
        onSubmit={(body) => open.mutate(body, { onSuccess: clear })}
      />
    </>
  );
}
