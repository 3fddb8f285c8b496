import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { unwrap, unwrapPage } from '../../api/client';
import { pageQuery, usePagedList } from '../../api/paged-list';
import { queryKeys } from '../../api/query-keys';
import type { Case } from '../../api/types';
import { Link } from '../../app/router';
import { useAuth } from '../../auth/auth';
import { Countdown, useNow } from '../../components/countdown';
import { LoadMore } from '../../components/load-more';
import { Page, StatusBadge } from '../../components/page';
import { ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { useDebounced } from '../../lib/use-debounced';
import { useDraft } from '../../lib/use-draft';
import { useEnterpriseNames } from '../../reference/enterprise-names';
import { useCampaigns, useChains } from '../../reference/reference-lists';
import { downloadCases } from '../supervisor/report-export';
import { noFilters, QueueFilterForm, queueQuery, type QueueFilters } from './queue-filter-form';

export const QUEUE_PAGE_SIZE = 50;
/** The most cases one export holds (the API's page limit). */
const EXPORT_MAX = 200;

/**
 * The bank manager's work queue: the cases at their bank and in their pools, most urgent first (the API's
 * order) unless another order is chosen, each with a live countdown to its deadline and its escalation level;
 * searched by enterprise, credit code or case number, counted, and exported as shown.
 */
export function QueuePage(): ReactNode {
  const { t, money, exact, locale } = useI18n();
  const { api } = useAuth();
  const now = useNow(1000);
  const [filters, setFilters, resetFilters] = useDraft<QueueFilters>('bank.queue', noFilters);
  const chains = useChains();
  const campaigns = useCampaigns();
  const q = useDebounced(filters.q ?? '', 300);
  const query = queueQuery({ ...filters, q });
  const { sort, ...counted } = query;
  const queue = usePagedList(queryKeys.cases.list({ queue: query }), (cursor) =>
    unwrapPage<Case>(
      api.GET('/api/v1/cases', { params: { query: { ...query, ...pageQuery(cursor, QUEUE_PAGE_SIZE) } } }),
    ),
  );
  const counts = useQuery({
    queryKey: [...queryKeys.cases.all, 'counts', counted],
    queryFn: () => unwrap(api.GET('/api/v1/cases/counts', { params: { query: counted } })),
  });
  const cases = queue.items;
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const onExport = async (): Promise<void> => {
    setExporting(true);
    setExportError(null);
    try {
      await downloadCases(
        api,
        { ...query, sort, limit: Math.min(Math.max(cases?.length ?? 0, 1), EXPORT_MAX) },
        locale,
      );
    } catch (error: unknown) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };
  const names = useEnterpriseNames(
    api,
    (cases ?? []).map((c) => c.enterpriseId),
  );
  const chainName = new Map((chains.data ?? []).map((c) => [c.id, c.name]));
  const campaignName = new Map((campaigns.data ?? []).map((c) => [c.id, c.name]));

  return (
    <Page
      title={t('queue.title')}
      actions={
        <>
          <button type="button" className="secondary" onClick={queue.refresh}>
            {t('list.refresh')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={exporting || !cases?.length}
            onClick={() => void onExport()}
          >
            {exporting ? t('app.loading') : t('search.export')}
          </button>
        </>
      }
    >
      <QueueFilterForm
        filters={filters}
        onChange={setFilters}
        onReset={resetFilters}
        chains={chains.data ?? []}
        campaigns={campaigns.data ?? []}
      />
      <ProblemBanner error={queue.error ?? counts.error ?? exportError ?? chains.error ?? campaigns.error} />
      {queue.loading && <p>{t('app.loading')}</p>}
      {counts.data && cases && cases.length > 0 && (
        <p className="list-count" data-testid="queue-count" data-total={counts.data.total}>
          {t('search.count', { total: counts.data.total, shown: cases.length })}
          {cases.length > EXPORT_MAX ? ` ${t('search.exportCapped', { n: EXPORT_MAX })}` : ''}
        </p>
      )}
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
                {c.kind === 'renewal' && <strong className="badge"> {t('renewal.kind.renewal')}</strong>}
                {c.escalationLevel > 0 && (
                  <>
                    {' '}
                    <strong className="badge">
                      {t(c.escalationLevel >= 2 ? 'escalation.level.2' : 'escalation.level.1')}
                    </strong>
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
      <LoadMore list={queue} />
    </Page>
  );
}
