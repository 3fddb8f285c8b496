import { useEffect, useState, type ReactNode } from 'react';
import { unwrapPage } from '../../api/client';
import type { Case, CaseStatus } from '../../api/types';
import { Link } from '../../app/router';
import { useAuth } from '../../auth/auth';
import { SelectField } from '../../components/fields';
import { Page, StatusBadge } from '../../components/page';
import { ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { useDraft } from '../../lib/use-draft';
import { useLoad } from '../../lib/use-load';
import { Countdown, useNow } from './countdown';
import { loadReferenceData, QUEUE_STATUSES, useEnterpriseNames } from './reference-data';

export const QUEUE_PAGE_SIZE = 50;

export interface QueueFilters {
  status: CaseStatus | '';
  chainId: string;
  campaignId: string;
  overdue: boolean;
  escalated: boolean;
}

function noFilters(): QueueFilters {
  return { status: '', chainId: '', campaignId: '', overdue: false, escalated: false };
}

/** The query of `GET /cases` for the filters (empty ones left out). */
export function queueQuery(
  filters: QueueFilters,
  cursor?: string,
): {
  limit: number;
  status?: CaseStatus;
  chainId?: string;
  campaignId?: string;
  overdue?: boolean;
  escalated?: boolean;
  cursor?: string;
} {
  return {
    limit: QUEUE_PAGE_SIZE,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.chainId ? { chainId: filters.chainId } : {}),
    ...(filters.campaignId ? { campaignId: filters.campaignId } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
    ...(filters.escalated ? { escalated: true } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

/**
 * The bank manager's work queue: the cases at their bank and in their pools, most urgent first (the API's
 * order), each with a live countdown to its deadline and its escalation level.
 */
export function QueuePage(): ReactNode {
  const { t, money, exact } = useI18n();
  const { api } = useAuth();
  const now = useNow(1000);
  const [filters, setFilters, resetFilters] = useDraft<QueueFilters>('bank.queue', noFilters);
  const reference = useLoad(() => loadReferenceData(api), [api]);
  const first = useLoad(
    () => unwrapPage<Case>(api.GET('/api/v1/cases', { params: { query: queueQuery(filters) } })),
    [api, filters.status, filters.chainId, filters.campaignId, filters.overdue, filters.escalated],
  );
  const [more, setMore] = useState<{ items: Case[]; nextCursor: string | null; error: unknown }>({
    items: [],
    nextCursor: null,
    error: undefined,
  });
  useEffect(() => {
    setMore({ items: [], nextCursor: first.data?.nextCursor ?? null, error: undefined });
  }, [first.data]);
  const loadMore = async (): Promise<void> => {
    if (!more.nextCursor) return;
    try {
      const page = await unwrapPage<Case>(
        api.GET('/api/v1/cases', { params: { query: queueQuery(filters, more.nextCursor) } }),
      );
      setMore((previous) => ({
        items: [...previous.items, ...page.items],
        nextCursor: page.nextCursor,
        error: undefined,
      }));
    } catch (error: unknown) {
      setMore((previous) => ({ ...previous, error }));
    }
  };
  const cases = first.data ? [...first.data.items, ...more.items] : undefined;
  const names = useEnterpriseNames(
    api,
    (cases ?? []).map((c) => c.enterpriseId),
  );
  const chainName = new Map((reference.data?.chains ?? []).map((c) => [c.id, c.name]));
  const campaignName = new Map((reference.data?.campaigns ?? []).map((c) => [c.id, c.name]));

  return (
    <Page
      title={t('queue.title')}
      actions={
        <button type="button" className="secondary" onClick={first.reload}>
          {t('list.refresh')}
        </button>
      }
    >
      <form className="form filters" aria-label={t('queue.filters')} onSubmit={(event) => event.preventDefault()}>
        <SelectField
          name="status"
          label={t('queue.filterStatus')}
          value={filters.status}
          placeholder={t('queue.any')}
          options={QUEUE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          onChange={(event) => setFilters({ status: event.target.value as CaseStatus | '' })}
        />
        <SelectField
          name="chainId"
          label={t('queue.filterChain')}
          value={filters.chainId}
          placeholder={t('queue.any')}
          options={(reference.data?.chains ?? []).map((c) => ({ value: c.id, label: c.name }))}
          onChange={(event) => setFilters({ chainId: event.target.value })}
        />
        <SelectField
          name="campaignId"
          label={t('queue.filterCampaign')}
          value={filters.campaignId}
          placeholder={t('queue.any')}
          options={(reference.data?.campaigns ?? []).map((c) => ({ value: c.id, label: c.name }))}
          onChange={(event) => setFilters({ campaignId: event.target.value })}
        />
        <div className="choice-list">
          <label className="choice">
            <input
              type="checkbox"
              name="overdue"
              checked={filters.overdue}
              onChange={(event) => setFilters({ overdue: event.target.checked })}
            />
            <span>{t('queue.filterOverdue')}</span>
          </label>
          <label className="choice">
            <input
              type="checkbox"
              name="escalated"
              checked={filters.escalated}
              onChange={(event) => setFilters({ escalated: event.target.checked })}
            />
            <span>{t('queue.filterEscalated')}</span>
          </label>
        </div>
        <button type="button" className="secondary" onClick={resetFilters}>
          {t('queue.clearFilters')}
        </button>
      </form>
      <ProblemBanner error={first.error ?? reference.error} />
      {first.loading && !cases && <p>{t('app.loading')}</p>}
      {cases && cases.length === 0 && <p>{t('queue.empty')}</p>}
      {cases && cases.length > 0 && (
        <ul className="card-list" aria-label={t('queue.title')} data-testid="queue">
          {cases.map((c) => (
            <li key={c.id} className="card" data-case-id={c.id}>
              <p>
                <Link to={`/queue/${c.id}`}>
                  <strong>{c.number}</strong> {names.get(c.enterpriseId) ?? ''}
                </Link>{' '}
                <StatusBadge status={c.status} label={t(`status.${c.status}`)} />
                {c.escalationLevel > 0 && (
                  <>
                    {' '}
                    <strong className="badge">{t('queue.escalation', { level: c.escalationLevel })}</strong>
                  </>
                )}
              </p>
              <p>
                <span title={exact(c.requestedAmount)}>{money(c.requestedAmount)}</span> · {t(`purpose.${c.purpose}`)}
                {c.chainId && chainName.has(c.chainId) ? ` · ${chainName.get(c.chainId)}` : ''}
                {campaignName.has(c.campaignId) ? ` · ${campaignName.get(c.campaignId)}` : ''}
              </p>
              <p>
                <Countdown dueAt={c.dueAt} now={now} paused={c.pausedAt !== null} />
              </p>
            </li>
          ))}
        </ul>
      )}
      <ProblemBanner error={more.error} />
      {more.nextCursor && (
        <button type="button" className="secondary" onClick={() => void loadMore()}>
          {t('list.more')}
        </button>
      )}
    </Page>
  );
}
