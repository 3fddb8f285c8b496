import { useQuery } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { unwrapPage } from '../../api/client';
import { fetchEveryPage, pageQuery, usePagedList } from '../../api/paged-list';
import { queryKeys } from '../../api/query-keys';
import type { Case } from '../../api/types';
import { Link } from '../../app/router';
import { useAuth } from '../../auth/auth';
import { LoadMore } from '../../components/load-more';
import { Page, StatusBadge } from '../../components/page';
import { ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { useEnterpriseNames } from '../../reference/enterprise-names';
import type { RepairTask } from './repair-task-card';
import { dueInWords } from './repair-due';

/** The queue is read again this often, so a task closed by a partner officer shows without a click. */
const REFRESH_MS = 30_000;

/**
 * The supervisor's 二次诊断 page: the cases in their second diagnosis (`GET /cases?status=repairing`) with their
 * open repair tasks (`GET /repairs?status=open`): how many and how many overdue; overdue first, then the cases
 * with no task yet (they wait for the supervisor), each linking to its case page.
 */
export function RepairQueuePage(): ReactNode {
  const { t, day } = useI18n();
  const { api } = useAuth();
  const query = { status: 'repairing' as const };
  const queue = usePagedList(queryKeys.cases.list({ repairs: query }), (cursor) =>
    unwrapPage<Case>(api.GET('/api/v1/cases', { params: { query: { ...query, ...pageQuery(cursor) } } })),
  );
  const open = useQuery({
    queryKey: queryKeys.repairs.every({ status: 'open' }),
    queryFn: () =>
      fetchEveryPage((cursor) =>
        unwrapPage<RepairTask>(
          api.GET('/api/v1/repairs', { params: { query: { status: 'open', ...pageQuery(cursor) } } }),
        ),
      ),
    refetchInterval: REFRESH_MS,
  });
  const names = useEnterpriseNames(
    api,
    (queue.items ?? []).map((c) => c.enterpriseId),
  );
  const rows = useMemo(() => {
    const byCase = new Map<string, RepairTask[]>();
    for (const task of open.data ?? []) byCase.set(task.caseId, [...(byCase.get(task.caseId) ?? []), task]);
    const rank = (tasks: RepairTask[]): number => (tasks.some((x) => x.overdue) ? 0 : tasks.length === 0 ? 1 : 2);
    return (queue.items ?? [])
      .map((c) => ({ c, tasks: byCase.get(c.id) ?? [] }))
      .sort((a, b) => rank(a.tasks) - rank(b.tasks) || a.c.updatedAt.localeCompare(b.c.updatedAt));
  }, [queue.items, open.data]);
  return (
    <Page
      title={t('repairs.queue.title')}
      actions={
        <button type="button" className="secondary" onClick={queue.refresh}>
          {t('list.refresh')}
        </button>
      }
    >
      <ProblemBanner error={queue.error ?? open.error} />
      {queue.loading && <p>{t('app.loading')}</p>}
      {queue.items && rows.length === 0 && <p>{t('repairs.queue.empty')}</p>}
      {rows.length > 0 && (
        <ul className="card-list" aria-label={t('repairs.queue.title')} data-testid="repair-queue">
          {rows.map(({ c, tasks }) => {
            const overdue = tasks.filter((x) => x.overdue).length;
            return (
              <li key={c.id} className="card" data-case-id={c.id} data-overdue={overdue > 0 || undefined}>
                <p>
                  <Link to={`/supervision/cases/${c.id}`}>
                    <strong>{c.number}</strong> {names.get(c.enterpriseId) ?? tasks[0]?.enterpriseName ?? ''}
                  </Link>{' '}
                  <StatusBadge status={c.status} label={t(`status.${c.status}`)} />
                </p>
                <p>
                  {tasks.length === 0
                    ? t('repairs.queue.none')
                    : t('repairs.queue.counts', { open: tasks.length, overdue })}
                </p>
                {tasks.length > 0 && (
                  <ul className="plain-list">
                    {tasks.map((task) => (
                      <li key={task.id}>
                        {task.organizationName} · {task.reasonName} · {dueInWords(task, t, day)}
                      </li>
                    ))}
                  </ul>
                )}
                <p>
                  <Link to={`/supervision/cases/${c.id}`}>{t('repairs.queue.handle')}</Link>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <LoadMore list={queue} />
    </Page>
  );
}
