import { CASE_STATUSES } from '@unblock/domain';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { unwrap, unwrapPage } from '../../api/client';
import { pageQuery, usePagedList } from '../../api/paged-list';
import { queryKeys } from '../../api/query-keys';
import type { Case, CaseStatus } from '../../api/types';
import { Link, useRouter } from '../../app/router';
import { useAuth } from '../../auth/auth';
import { useNow } from '../../components/countdown';
import { SelectField, TextField } from '../../components/fields';
import { UrgencyChoices } from '../../components/urgency-choices';
import { LoadMore } from '../../components/load-more';
import { Page, StatusBadge } from '../../components/page';
import { ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { useEnterpriseNames } from '../../reference/enterprise-names';
import { nameOf, nameOptions } from '../../reference/names';
import { useBanks, useCampaigns, useChains } from '../../reference/reference-lists';
import { deadlineInWords } from '../../lib/span-in-words';
import { bankOf } from './case-bank';
import {
  filtersFrom,
  SEARCH_SORTS,
  searchHref,
  searchQuery,
  type SearchFilters,
  type SearchSort,
} from './case-search-filters';
import { downloadCases } from './report-export';

export const SEARCH_PAGE_SIZE = 50;
/** The most rows one export holds (the API's page). */
const EXPORT_MAX = 200;

/**
 * The supervisor's search of the cases of their region: text (enterprise, credit code, case number),
 * status, bank, chain, campaign, overdue and escalated, in the order asked; counts, "load more", and an
 * export of the rows shown. The filters live in the address, so the board links to a filtered search.
 */
export function CaseSearchPage(): ReactNode {
  const { t, money, exact, dateTime, locale } = useI18n();
  const { api } = useAuth();
  const { location, navigate } = useRouter();
  const now = useNow(30_000);
  const filters = filtersFrom(location.query);
  const [text, setText] = useState(filters.q);
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const banks = useBanks();
  const chains = useChains();
  const campaigns = useCampaigns();
  const query = searchQuery(filters);
  const list = usePagedList(queryKeys.cases.list({ search: query, sort: filters.sort }), (cursor) =>
    unwrapPage<Case>(
      api.GET('/api/v1/cases', {
        params: { query: { ...query, sort: filters.sort, ...pageQuery(cursor, SEARCH_PAGE_SIZE) } },
      }),
    ),
  );
  const counts = useQuery({
    queryKey: [...queryKeys.cases.all, 'counts', query],
    queryFn: () => unwrap(api.GET('/api/v1/cases/counts', { params: { query } })),
  });
  const rows = list.items;
  const names = useEnterpriseNames(
    api,
    (rows ?? []).map((c) => c.enterpriseId),
  );
  const set = (patch: Partial<SearchFilters>): void =>
    navigate(searchHref({ ...filters, ...patch }), { replace: true });
  const onSearch = (event: FormEvent): void => {
    event.preventDefault();
    set({ q: text.trim() });
  };
  const onExport = async (): Promise<void> => {
    setExporting(true);
    setExportError(null);
    try {
      const limit = Math.min(Math.max(rows?.length ?? 0, 1), EXPORT_MAX);
      await downloadCases(api, { ...query, sort: filters.sort, limit }, locale);
    } catch (error: unknown) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Page
      title={t('search.title')}
      actions={
        <>
          <button type="button" className="secondary" onClick={list.refresh}>
            {t('list.refresh')}
          </button>
          <button type="button" disabled={exporting || !rows?.length} onClick={() => void onExport()}>
            {exporting ? t('app.loading') : t('search.export')}
          </button>
        </>
      }
    >
      <form className="form filters" role="search" aria-label={t('search.filters')} onSubmit={onSearch}>
        <TextField
          name="q"
          type="search"
          label={t('search.text')}
          hint={t('search.textHint')}
          value={text}
          maxLength={100}
          onChange={(event) => setText(event.target.value)}
          onBlur={() => text.trim() !== filters.q && set({ q: text.trim() })}
        />
        <SelectField
          name="status"
          label={t('search.status')}
          value={filters.status}
          placeholder={t('search.any')}
          options={CASE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          onChange={(event) => set({ status: event.target.value as CaseStatus | '' })}
        />
        <SelectField
          name="bankId"
          label={t('search.bank')}
          value={filters.bankId}
          placeholder={t('search.any')}
          options={nameOptions(banks.data)}
          onChange={(event) => set({ bankId: event.target.value })}
        />
        <SelectField
          name="chainId"
          label={t('search.chain')}
          value={filters.chainId}
          placeholder={t('search.any')}
          options={nameOptions(chains.data)}
          onChange={(event) => set({ chainId: event.target.value })}
        />
        <SelectField
          name="campaignId"
          label={t('search.campaign')}
          value={filters.campaignId}
          placeholder={t('search.any')}
          options={nameOptions(campaigns.data)}
          onChange={(event) => set({ campaignId: event.target.value })}
        />
        <SelectField
          name="sort"
          label={t('search.sort')}
          value={filters.sort}
          options={SEARCH_SORTS.map((s) => ({ value: s, label: t(`search.sort.${s}`) }))}
          onChange={(event) => set({ sort: event.target.value as SearchSort })}
        />
        <UrgencyChoices
          overdue={filters.overdue}
          escalated={filters.escalated}
          onChange={set}
          labels={{ overdue: 'search.overdue', escalated: 'search.escalated' }}
        />
        <div className="button-row">
          <button type="submit">{t('search.submit')}</button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setText('');
              navigate(searchHref({}), { replace: true });
            }}
          >
            {t('search.clear')}
          </button>
        </div>
      </form>
      <ProblemBanner error={list.error ?? counts.error ?? banks.error ?? chains.error ?? campaigns.error} />
      <ProblemBanner error={exportError} onDismiss={() => setExportError(null)} />
      {counts.data && rows && (
        <p data-testid="search-count" data-total={counts.data.total}>
          {t('search.count', { total: counts.data.total, shown: rows.length })}
          {rows.length > EXPORT_MAX && ` ${t('search.exportCapped', { n: EXPORT_MAX })}`}
        </p>
      )}
      {list.loading && <p>{t('app.loading')}</p>}
      {rows && rows.length === 0 && <p>{t('search.empty')}</p>}
      {rows && rows.length > 0 && (
        <div className="table-wrap wide-table" tabIndex={0} role="region" aria-label={t('search.title')}>
          <table data-testid="search-results" className="stack-table">
            <thead>
              <tr>
                <th scope="col">{t('search.col.number')}</th>
                <th scope="col">{t('search.col.enterprise')}</th>
                <th scope="col">{t('search.col.status')}</th>
                <th scope="col">{t('search.col.bank')}</th>
                <th scope="col">{t('search.col.amount')}</th>
                <th scope="col">{t('search.col.due')}</th>
                <th scope="col">{t('search.col.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => {
                const due = c.dueAt ? deadlineInWords(c.dueAt, now, t) : undefined;
                return (
                  <tr key={c.id} data-case-id={c.id} data-status={c.status}>
                    <td data-label={t('search.col.number')}>
                      <Link to={`/supervision/cases/${c.id}`}>{c.number}</Link>
                    </td>
                    <td data-label={t('search.col.enterprise')}>{names.get(c.enterpriseId) ?? '…'}</td>
                    <td data-label={t('search.col.status')}>
                      <StatusBadge status={c.status} label={t(`status.${c.status}`)} />
                      {c.escalationLevel > 0 && (
                        <>
                          {' '}
                          <strong className="badge">{t(`escalation.level.${c.escalationLevel as 1 | 2}`)}</strong>
                        </>
                      )}
                    </td>
                    <td data-label={t('search.col.bank')}>
                      {bankOf(c, banks.data, t)}
                      {c.chainId !== null && (
                        <>
                          <br />
                          <small>{nameOf(chains.data, c.chainId)}</small>
                        </>
                      )}
                    </td>
                    <td data-label={t('search.col.amount')} title={exact(c.requestedAmount)}>
                      {money(c.requestedAmount)}
                    </td>
                    <td data-label={t('search.col.due')} title={c.dueAt ? dateTime(c.dueAt) : undefined}>
                      {due ? due.overdue ? <strong>{due.text}</strong> : due.text : t('search.noDeadline')}
                    </td>
                    <td data-label={t('search.col.updated')}>{dateTime(c.updatedAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore list={list} />
    </Page>
  );
}
