import { ESCALATION_STATUSES } from '@unblock/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { unwrap, unwrapPage } from '../../api/client';
import { pageQuery, usePagedList } from '../../api/paged-list';
import { queryKeys } from '../../api/query-keys';
import type { Escalation, EscalationStatus } from '../../api/types';
import { useApiMutation } from '../../api/use-api-mutation';
import { Link } from '../../app/router';
import { useAuth } from '../../auth/auth';
import { SelectField } from '../../components/fields';
import { LoadMore } from '../../components/load-more';
import { Page, StatusBadge } from '../../components/page';
import { Notice, ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { nameOf, nameOptions, regionName, regionOptions } from '../../reference/names';
import { useBanks, useChains, useRegions } from '../../reference/reference-lists';
import { overdueInWords } from './overdue-in-words';

const QUEUE_PAGE_SIZE = 200;
/** The queue is read again this often, so a new escalation shows up without a click. */
export const QUEUE_REFRESH_MS = 15_000;

interface Filters {
  status: EscalationStatus | '';
  level: '1' | '2' | '';
  bankId: string;
  chainId: string;
  regionCode: string;
}

/** The supervisor's queue: overdue obligations, the longest overdue first; acknowledge, then act on the case. */
export function EscalationsPage(): ReactNode {
  const { t, dateTime } = useI18n();
  const { api } = useAuth();
  const [filters, setFilters] = useState<Filters>({
    status: 'open',
    level: '',
    bankId: '',
    chainId: '',
    regionCode: '',
  });
  const queryClient = useQueryClient();
  const banks = useBanks();
  const chains = useChains();
  const regions = useRegions();
  const query = {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.level ? { level: Number(filters.level) as 1 | 2 } : {}),
    ...(filters.bankId ? { bankId: filters.bankId } : {}),
    ...(filters.chainId ? { chainId: filters.chainId } : {}),
    ...(filters.regionCode ? { regionCode: filters.regionCode } : {}),
  };
  const queue = usePagedList(
    queryKeys.escalations.list(query),
    (cursor) =>
      unwrapPage<Escalation>(
        api.GET('/api/v1/escalations', { params: { query: { ...query, ...pageQuery(cursor, QUEUE_PAGE_SIZE) } } }),
      ),
    { refetchInterval: QUEUE_REFRESH_MS },
  );
  // Oldest first: the deadline missed longest ago leads.
  const rows = useMemo(
    () => queue.items && [...queue.items].sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    [queue.items],
  );
  const acknowledge = useApiMutation(
    (escalation: Escalation) =>
      unwrap(api.POST('/api/v1/escalations/{id}/acknowledge', { params: { path: { id: escalation.id } } })),
    [queryKeys.escalations.all],
  );
  const set = (patch: Partial<Filters>): void => setFilters((previous) => ({ ...previous, ...patch }));

  return (
    <Page
      title={t('escalations.title')}
      actions={
        <button type="button" className="secondary" onClick={queue.refresh}>
          {t('list.refresh')}
        </button>
      }
    >
      <form className="filters" aria-label={t('supervisor.filters')} onSubmit={(event) => event.preventDefault()}>
        <SelectField
          name="status"
          label={t('col.status')}
          value={filters.status}
          placeholder={t('supervisor.all')}
          options={ESCALATION_STATUSES.map((s) => ({ value: s, label: t(`supervisor.escalationStatus.${s}`) }))}
          onChange={(event) => set({ status: event.target.value as EscalationStatus | '' })}
        />
        <SelectField
          name="level"
          label={t('escalations.level')}
          value={filters.level}
          placeholder={t('supervisor.all')}
          options={[
            { value: '1', label: t('escalation.level.1') },
            { value: '2', label: t('escalation.level.2') },
          ]}
          onChange={(event) => set({ level: event.target.value as Filters['level'] })}
        />
        <SelectField
          name="bankId"
          label={t('supervisor.bank')}
          value={filters.bankId}
          placeholder={t('supervisor.all')}
          options={nameOptions(banks.data)}
          onChange={(event) => set({ bankId: event.target.value })}
        />
        <SelectField
          name="chainId"
          label={t('supervisor.chain')}
          value={filters.chainId}
          placeholder={t('supervisor.all')}
          options={nameOptions(chains.data)}
          onChange={(event) => set({ chainId: event.target.value })}
        />
        <SelectField
          name="regionCode"
          label={t('supervisor.region')}
          value={filters.regionCode}
          placeholder={t('supervisor.all')}
          options={regionOptions(regions.data)}
          onChange={(event) => set({ regionCode: event.target.value })}
        />
      </form>
      <ProblemBanner error={queue.error ?? banks.error ?? chains.error ?? regions.error} />
      <ProblemBanner
        error={acknowledge.error}
        onConflict={() => void queryClient.invalidateQueries({ queryKey: queryKeys.escalations.all })}
        onDismiss={acknowledge.reset}
      />
      {acknowledge.isSuccess && <Notice kind="success">{t('escalations.acknowledged')}</Notice>}
      {queue.loading && <p>{t('app.loading')}</p>}
      {rows && rows.length === 0 && <p>{t('escalations.empty')}</p>}
      {rows && rows.length > 0 && (
        <div className="table-wrap wide-table" tabIndex={0} role="region" aria-label={t('escalations.title')}>
          <table data-testid="escalations" className="stack-table">
            <thead>
              <tr>
                <th scope="col">{t('escalations.case')}</th>
                <th scope="col">{t('escalations.enterprise')}</th>
                <th scope="col">{t('escalations.level')}</th>
                <th scope="col">{t('escalations.obligation')}</th>
                <th scope="col">{t('escalations.overdueBy')}</th>
                <th scope="col">{t('supervisor.bank')}</th>
                <th scope="col">{t('supervisor.chain')}</th>
                <th scope="col">{t('supervisor.region')}</th>
                <th scope="col">{t('col.status')}</th>
                <th scope="col">{t('supervisor.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id} data-case-id={e.caseId}>
                  <td data-label={t('escalations.case')}>
                    <Link to={`/supervision/cases/${e.caseId}`}>{e.caseNumber}</Link>
                  </td>
                  <td data-label={t('escalations.enterprise')}>{e.enterpriseName}</td>
                  <td data-label={t('escalations.level')}>
                    <StatusBadge status={`level-${e.level}`} label={t(`escalation.level.${e.level}`)} />
                  </td>
                  <td data-label={t('escalations.obligation')}>{t(`escalations.missed.${e.obligation}`)}</td>
                  <td
                    data-label={t('escalations.overdueBy')}
                    title={t('escalations.dueAt', { at: dateTime(e.dueAt) })}
                    data-overdue
                  >
                    {e.resolvedAt
                      ? t('escalations.resolvedAt', { at: dateTime(e.resolvedAt) })
                      : overdueInWords(e.dueAt, e.overdueSeconds, t)}
                  </td>
                  <td data-label={t('supervisor.bank')}>{nameOf(banks.data, e.bankId)}</td>
                  <td data-label={t('supervisor.chain')}>{nameOf(chains.data, e.chainId)}</td>
                  <td data-label={t('supervisor.region')}>{regionName(regions.data, e.regionCode)}</td>
                  <td data-label={t('col.status')}>{t(`supervisor.escalationStatus.${e.status}`)}</td>
                  <td data-label={t('supervisor.actions')}>
                    <div className="button-row">
                      {e.status === 'open' && (
                        <button type="button" className="secondary" onClick={() => acknowledge.mutate(e)}>
                          {t('escalations.acknowledge')}
                        </button>
                      )}
                      <Link to={`/supervision/cases/${e.caseId}`}>{t('escalations.handle')}</Link>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore list={queue} />
    </Page>
  );
}
