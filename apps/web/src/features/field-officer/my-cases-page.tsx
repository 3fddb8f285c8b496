import { useQuery } from '@tanstack/react-query';
import { CASE_STATUSES } from '@unblock/domain';
import type { ReactNode } from 'react';
import { unwrap, unwrapPage } from '../../api/client';
import { pageQuery, usePagedList } from '../../api/paged-list';
import { queryKeys } from '../../api/query-keys';
import type { Case, CaseStatus } from '../../api/types';
import { Link, useRouter } from '../../app/router';
import { useAuth } from '../../auth/auth';
import { SelectField } from '../../components/fields';
import { LoadMore } from '../../components/load-more';
import { Page, StatusBadge } from '../../components/page';
import { ProblemBanner } from '../../components/problem-banner';
import { useI18n, type Translate } from '../../i18n/i18n';
import { useEnterprise, useEnterpriseNames } from '../../reference/enterprise-names';
import { EnterprisePicker } from '../../reference/enterprise-picker';
import { useEnterpriseSearch } from '../../reference/enterprise-search';
import { nameOf } from '../../reference/names';
import { useBanks } from '../../reference/reference-lists';

export const MY_CASES_PATH = '/my-cases';
/** One page of the officer's own lists (visits, needs). */
export const MY_LIST_PAGE_SIZE = 100;

/** The filters of "My needs", kept in the address (a link from "My visits" names the enterprise). */
export function myCasesPath(filters: { enterpriseId?: string; status?: CaseStatus | '' }): string {
  const query = new URLSearchParams();
  if (filters.enterpriseId) query.set('enterprise', filters.enterpriseId);
  if (filters.status) query.set('status', filters.status);
  const search = query.toString();
  return search ? `${MY_CASES_PATH}?${search}` : MY_CASES_PATH;
}

function isStatus(value: string | null): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value ?? '');
}

/** Which bank has the need: the bank and its place in "1+2+N", the pool, or none yet. */
export function bankOf(c: Case, banks: readonly { id: string; name: string }[] | undefined, t: Translate): string {
  if (c.assignedBankId !== null) {
    const bank = nameOf(banks, c.assignedBankId);
    return c.routingTier === 1 || c.routingTier === 2
      ? t('fo.bankTier', { bank, tier: t(`tier.${c.routingTier}`) })
      : bank;
  }
  if (c.routingTier === 3) return t('fo.inPool');
  return c.status === 'diagnosed' ? t('fo.notRouted') : '—';
}

/**
 * The needs diagnosed from the officer's visits (the API's `diagnosedBy=me`): number, enterprise, the bank
 * that has it, status and amount; each row opens the case. A table on a wide screen, stacked rows on a
 * phone (the same rows, laid out by styles.css). Filtered by enterprise and status, read page by page.
 */
export function MyCasesPage(): ReactNode {
  const { t, money, exact } = useI18n();
  const { api } = useAuth();
  const { location, navigate } = useRouter();
  const searchEnterprises = useEnterpriseSearch();
  const banks = useBanks();
  const enterpriseId = location.query.get('enterprise') ?? undefined;
  const statusParam = location.query.get('status');
  const status = isStatus(statusParam) ? statusParam : '';
  const chosen = useEnterprise(api, enterpriseId);
  const query = {
    diagnosedBy: 'me' as const,
    ...(enterpriseId ? { enterpriseId } : {}),
    ...(status ? { status } : {}),
  };
  const cases = usePagedList(queryKeys.cases.list(query), (cursor) =>
    unwrapPage<Case>(
      api.GET('/api/v1/cases', { params: { query: { ...query, ...pageQuery(cursor, MY_LIST_PAGE_SIZE) } } }),
    ),
  );
  const counts = useQuery({
    queryKey: [...queryKeys.cases.all, 'counts', query],
    queryFn: () => unwrap(api.GET('/api/v1/cases/counts', { params: { query } })),
  });
  const names = useEnterpriseNames(
    api,
    (cases.items ?? []).map((c) => c.enterpriseId),
  );
  const filter = (patch: { enterpriseId?: string; status?: CaseStatus | '' }): void =>
    navigate(myCasesPath({ enterpriseId, status, ...patch }), { replace: true });

  return (
    <Page
      title={t('myCases.title')}
      actions={
        <button type="button" className="secondary" onClick={cases.refresh}>
          {t('list.refresh')}
        </button>
      }
    >
      <form className="form filters" aria-label={t('fo.filters')} onSubmit={(event) => event.preventDefault()}>
        {enterpriseId ? (
          <div className="field">
            <span className="label">{t('col.enterprise')}</span>
            <p>
              <strong>{chosen.data?.name ?? t('app.loading')}</strong>{' '}
              <button type="button" className="link-button" onClick={() => filter({ enterpriseId: '' })}>
                {t('fo.anyEnterprise')}
              </button>
            </p>
          </div>
        ) : (
          <EnterprisePicker
            search={searchEnterprises}
            error={undefined}
            required={false}
            onPick={(picked) => filter({ enterpriseId: picked.id })}
          />
        )}
        <SelectField
          name="status"
          label={t('col.status')}
          value={status}
          placeholder={t('queue.any')}
          options={CASE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          onChange={(event) => filter({ status: event.target.value as CaseStatus | '' })}
        />
      </form>
      <ProblemBanner error={cases.error ?? banks.error} />
      {cases.loading && <p>{t('app.loading')}</p>}
      {cases.items && cases.items.length === 0 && (
        <p>{enterpriseId || status ? t('fo.noMatch') : t('myCases.empty')}</p>
      )}
      {cases.items && cases.items.length > 0 && (
        <>
          {counts.data && (
            <p role="status" data-testid="my-cases-count">
              {t('fo.count', { count: cases.items.length, total: counts.data.total })}
            </p>
          )}
          <div className="table-wrap stack-on-phone" role="region" aria-label={t('myCases.title')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('col.number')}</th>
                  <th scope="col">{t('col.enterprise')}</th>
                  <th scope="col">{t('fo.bank')}</th>
                  <th scope="col">{t('col.status')}</th>
                  <th scope="col">{t('fo.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {cases.items.map((c) => (
                  <tr
                    key={c.id}
                    className="row-link"
                    data-case-id={c.id}
                    onClick={(event) => {
                      // The whole row opens the case; the number is its link for the keyboard and new tabs.
                      if (!(event.target instanceof Element && event.target.closest('a'))) {
                        navigate(`${MY_CASES_PATH}/${c.id}`);
                      }
                    }}
                  >
                    <th scope="row" data-label={t('col.number')}>
                      <Link to={`${MY_CASES_PATH}/${c.id}`}>{c.number}</Link>
                    </th>
                    <td data-label={t('col.enterprise')}>{names.get(c.enterpriseId) ?? '—'}</td>
                    <td data-label={t('fo.bank')}>{bankOf(c, banks.data, t)}</td>
                    <td data-label={t('col.status')}>
                      <StatusBadge status={c.status} label={t(`status.${c.status}`)} />
                    </td>
                    <td className="number" data-label={t('fo.amount')} title={exact(c.requestedAmount)}>
                      {money(c.requestedAmount)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <LoadMore list={cases} />
    </Page>
  );
}
