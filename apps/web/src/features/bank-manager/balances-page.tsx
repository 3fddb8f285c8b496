import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from '../../app/router';
import { unwrap, unwrapPage } from '../../api/client';
import { pageQuery, usePagedList } from '../../api/paged-list';
import { queryKeys } from '../../api/query-keys';
import { useAuth } from '../../auth/auth';
import { TextField } from '../../components/fields';
import { LoadMore } from '../../components/load-more';
import { Page } from '../../components/page';
import { ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { BalanceForm } from './balance-form';
import type { LoanBalance } from './balance-types';

/** The corrections of one balance, read when asked for. */
function BalanceHistory({ id }: { id: string }): ReactNode {
  const { t, money, dateTime } = useI18n();
  const { api } = useAuth();
  const detail = useQuery({
    queryKey: queryKeys.loanBalances.detail(id),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/loan-balances/{id}', { params: { path: { id } } }),
      ) as Promise<unknown> as Promise<LoanBalance>,
  });
  if (detail.error) return <ProblemBanner error={detail.error} />;
  if (!detail.data) return <p>{t('app.loading')}</p>;
  return (
    <ol className="balance-history" aria-label={t('balance.history')}>
      {(detail.data.revisions ?? []).map((r) => (
        <li key={r.revision}>
          {t('balance.historyEntry', {
            revision: r.revision,
            balance: money(r.balance),
            mediumLong: money(r.mediumLongBalance),
            who: r.reportedByName,
            when: dateTime(r.reportedAt),
          })}
          {r.importId !== null && ` · ${t('balance.fromImport')}`}
          {r.note ? ` · ${r.note}` : ''}
        </li>
      ))}
    </ol>
  );
}

/**
 * `/balances` (余额报送): a bank manager reports a month's loan balance to an enterprise (or corrects it), and
 * reads the bank's reported balances, each with its corrections; the template import is one link away.
 */
export function BalancesPage(): ReactNode {
  const { t, money, exact } = useI18n();
  const { api } = useAuth();
  const [month, setMonth] = useState('');
  const [open, setOpen] = useState<string | undefined>();
  const query = /^\d{4}-\d{2}$/u.test(month) ? { month } : {};
  const list = usePagedList<LoanBalance>(queryKeys.loanBalances.list(query), (cursor) =>
    unwrapPage<LoanBalance>(
      api.GET('/api/v1/loan-balances', { params: { query: { ...query, ...pageQuery(cursor, 50) } } }),
    ),
  );
  return (
    <Page title={t('balance.title')}>
      <p>
        <Link to="/balances/import">{t('balance.import')}</Link>
      </p>
      <BalanceForm />
      <section className="panel" aria-labelledby="balance-list">
        <h2 id="balance-list">{t('balance.list')}</h2>
        <TextField
          name="filterMonth"
          type="month"
          label={t('balance.filterMonth')}
          value={month}
          onChange={(event) => setMonth(event.target.value)}
        />
        <ProblemBanner error={list.error} />
        {list.items?.length === 0 && <p>{t('balance.none')}</p>}
        {list.items && list.items.length > 0 && (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="balance-list">
            <table aria-labelledby="balance-list">
              <thead>
                <tr>
                  <th scope="col">{t('balance.enterprise')}</th>
                  <th scope="col">{t('balance.month')}</th>
                  <th scope="col">{t('balance.balance')}</th>
                  <th scope="col">{t('balance.mediumLong')}</th>
                  <th scope="col">{t('balance.revision')}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((b) => (
                  <tr key={b.id}>
                    <th scope="row">{b.enterpriseName}</th>
                    <td>{b.month}</td>
                    <td title={exact(b.balance)}>{money(b.balance)}</td>
                    <td title={exact(b.mediumLongBalance)}>{money(b.mediumLongBalance)}</td>
                    <td>
                      {b.revision}
                      {b.revision > 1 && (
                        <>
                          {' '}
                          <button
                            type="button"
                            className="link-button"
                            aria-expanded={open === b.id}
                            onClick={() => setOpen(open === b.id ? undefined : b.id)}
                          >
                            {t('balance.showHistory')}
                          </button>
                          {open === b.id && <BalanceHistory id={b.id} />}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore list={list} />
      </section>
    </Page>
  );
}
