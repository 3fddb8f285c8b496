import { useState, type ReactNode } from 'react';
import { unwrap, unwrapPage } from '../../api/client';
import { pageQuery, usePagedList } from '../../api/paged-list';
import { ApiProblem } from '../../api/problem';
import { queryKeys } from '../../api/query-keys';
import type { Schemas } from '../../api/types';
import { useApiMutation } from '../../api/use-api-mutation';
import { Link } from '../../app/router';
import { useAuth } from '../../auth/auth';
import { ChoiceGroup, TextAreaField } from '../../components/fields';
import { LoadMore } from '../../components/load-more';
import { Page } from '../../components/page';
import { Notice, ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { ACTION_NOTE_MAX, useActionForm, type Errors, type Result } from '../supervisor/action-form';
import { RepairTaskCard, type RepairTask } from './repair-task-card';

export type CompleteRepairBody = Schemas['CompleteRepairDto'];
type Outcome = CompleteRepairBody['outcome'];
const OUTCOMES: readonly Outcome[] = ['repaired', 'not_repairable'];

export interface CompleteValues {
  outcome: Outcome | '';
  note: string;
}

/** The body of `POST /repairs/:id/complete`: an outcome, and a note that "cannot be repaired" requires. */
export function validateComplete(values: CompleteValues): Result<CompleteRepairBody, CompleteValues> {
  const errors: Errors<CompleteValues> = {};
  const note = values.note.trim();
  if (!values.outcome) errors.outcome = 'tasks.pickOutcome';
  if (values.outcome === 'not_repairable' && !note) errors.note = 'tasks.noteRequired';
  if (values.note.length > ACTION_NOTE_MAX) errors.note = 'form.tooLong';
  if (!values.outcome || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { outcome: values.outcome, ...(note ? { note } : {}) } };
}

/**
 * The partner officer's 修复任务: their organization's repair tasks (`GET /repairs`), open first (overdue
 * leading), each with its case, enterprise, the decline reason and how it is repaired, the due date in working
 * days and the supervisor's note; an open one is closed as 已修复 or 无法修复 (with a note).
 */
export function RepairTasksPage(): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const list = usePagedList(queryKeys.repairs.list(), (cursor) =>
    unwrapPage<RepairTask>(api.GET('/api/v1/repairs', { params: { query: pageQuery(cursor) } })),
  );
  const complete = useApiMutation(
    ({ id, body }: { id: string; body: CompleteRepairBody }) =>
      unwrap(api.POST('/api/v1/repairs/{id}/complete', { params: { path: { id } }, body })),
    [queryKeys.repairs.all, queryKeys.cases.all],
  );
  const rank = (task: RepairTask): number => (task.status !== 'open' ? 2 : task.overdue ? 0 : 1);
  const tasks = list.items && [...list.items].sort((a, b) => rank(a) - rank(b) || a.dueAt.localeCompare(b.dueAt));
  return (
    <Page
      title={t('tasks.title')}
      actions={
        <button type="button" className="secondary" onClick={list.refresh}>
          {t('list.refresh')}
        </button>
      }
    >
      <ProblemBanner error={list.error} />
      <ProblemBanner error={complete.error} onDismiss={complete.reset} />
      {complete.isSuccess && <Notice kind="success">{t('tasks.done')}</Notice>}
      {list.loading && <p>{t('app.loading')}</p>}
      {tasks && tasks.length === 0 && <p>{t('tasks.empty')}</p>}
      {tasks && tasks.length > 0 && (
        <ul className="repair-tasks" aria-label={t('tasks.title')} data-testid="repair-tasks">
          {tasks.map((task) => (
            <RepairTaskCard
              key={task.id}
              task={task}
              heading={
                <>
                  {task.caseNumber} {task.enterpriseName}
                </>
              }
            >
              <p>
                <Link to={`/repair-tasks/${task.caseId}`}>{t('tasks.openCase')}</Link>
              </p>
              {task.status === 'open' && (
                <CompleteForm
                  task={task}
                  busy={complete.isPending && complete.variables.id === task.id}
                  serverErrors={
                    complete.variables?.id === task.id && complete.error instanceof ApiProblem
                      ? complete.error.fieldErrors()
                      : {}
                  }
                  onSubmit={(body) => complete.mutate({ id: task.id, body })}
                />
              )}
            </RepairTaskCard>
          ))}
        </ul>
      )}
      <LoadMore list={list} />
    </Page>
  );
}

function CompleteForm({
  task,
  busy,
  serverErrors,
  onSubmit,
}: {
  task: RepairTask;
  busy: boolean;
  serverErrors: Record<string, string>;
  onSubmit: (body: CompleteRepairBody) => void;
}): ReactNode {
  const { t } = useI18n();
  const [values, setValues] = useState<CompleteValues>({ outcome: '', note: '' });
  const { formRef, submit, message } = useActionForm(() => validateComplete(values), onSubmit, serverErrors);
  const titleId = `complete-${task.id}`;
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('tasks.complete')}</h3>
      <ChoiceGroup
        name={`outcome-${task.id}`}
        type="radio"
        label={t('tasks.outcome')}
        required
        options={OUTCOMES.map((o) => ({ value: o, label: t(`tasks.outcome.${o}`) }))}
        selected={values.outcome ? [values.outcome] : []}
        error={message('outcome')}
        onChange={(selected) => setValues((v) => ({ ...v, outcome: selected[0] ?? '' }))}
      />
      <TextAreaField
        name="note"
        label={t('tasks.note')}
        hint={t('tasks.noteHint')}
        required={values.outcome === 'not_repairable'}
        rows={2}
        value={values.note}
        error={message('note')}
        onChange={(event) => setValues((v) => ({ ...v, note: event.target.value }))}
      />
      <button type="submit" disabled={busy}>
        {busy ? t('form.saving') : t('tasks.submit')}
      </button>
    </form>
  );
}
