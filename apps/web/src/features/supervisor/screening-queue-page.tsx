import type { ReactNode } from 'react';
import { unwrapPage } from '../../api/client';
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
import { useEnterpriseNames } from '../../reference/enterprise-names';
import { useCampaigns } from '../../reference/reference-lists';

const SCREENING_PAGE_SIZE = 50;

/**
 * The supervisor's screening queue (申报清单): the needs of their region waiting for screening, the one
 * due soonest first, each with what was asked, its campaign and the time left to screen it.
 */
export function ScreeningQueuePage(): ReactNode {
  const { t, money, exact } = useI18n();
  const { api } = useAuth();
  const now = useNow(1000);
  const campaigns = useCampaigns();
  const query = { status: 'submitted' as const };
  const queue = usePagedList(queryKeys.cases.list({ screening: query }), (cursor) =>
    unwrapPage<Case>(
      api.GET('/api/v1/cases', { params: { query: { ...query, ...pageQuery(cursor, SCREENING_PAGE_SIZE) } } }),
    ),
  );
  const cases = queue.items;
  const names = useEnterpriseNames(
    api,
    (cases ?? []).map((c) => c.enterpriseId),
  );
  const campaignName = new Map((campaigns.data ?? []).map((c) => [c.id, c.name]));
  return (
    <Page
      title={t('screening.queueTitle')}
      actions={
        <button type="button" className="secondary" onClick={queue.refresh}>
          {t('list.refresh')}
        </button>
      }
    >
      <p className="hint">{t('screening.queueIntro')}</p>
      <ProblemBanner error={queue.error ?? campaigns.error} />
      {queue.loading && <p>{t('app.loading')}</p>}
      {cases && cases.length === 0 && <p>{t('screening.queueEmpty')}</p>}
      {cases && cases.length > 0 && (
        <ul className="card-list" aria-label={t('screening.queueTitle')} data-testid="screening-queue">
          {cases.map((c) => (
            <li key={c.id} className="card" data-case-id={c.id}>
              <p>
                <Link to={`/supervision/cases/${c.id}`}>
                  <strong>{c.number}</strong> {names.get(c.enterpriseId) ?? ''}
                </Link>{' '}
                <StatusBadge status={c.status} label={t(`status.${c.status}`)} />
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
                <span title={exact(c.requestedAmount)}>{money(c.requestedAmount)}</span>
                {' · '}
                {t(`purpose.${c.purpose}`)}
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
