import type { ReactNode } from 'react';
import type { Campaign, CaseStatus, Chain } from '../../api/types';
import { SelectField, TextField } from '../../components/fields';
import { UrgencyChoices } from '../../components/urgency-choices';
import { useI18n } from '../../i18n/i18n';
import { nameOptions } from '../../reference/names';
import { SEARCH_SORTS, type SearchSort } from '../supervisor/case-search-filters';

/** The statuses a bank's queue can hold (diagnosed cases are not at a bank yet). */
export const QUEUE_STATUSES = [
  'assigned',
  'claimed',
  'approved',
  'loan_signed',
  'closed',
] as const satisfies readonly CaseStatus[];

export interface QueueFilters {
  /** Part of the case number, the enterprise's name or its credit code. */
  q: string;
  status: CaseStatus | '';
  chainId: string;
  campaignId: string;
  overdue: boolean;
  escalated: boolean;
  sort: SearchSort;
}

export function noFilters(): QueueFilters {
  return { q: '', status: '', chainId: '', campaignId: '', overdue: false, escalated: false, sort: 'dueAt' };
}

/** The filters of `GET /cases` (empty ones, and the default order, left out: the queue's own query). */
export function queueQuery(filters: QueueFilters): {
  q?: string;
  sort?: SearchSort;
  status?: CaseStatus;
  chainId?: string;
  campaignId?: string;
  overdue?: boolean;
  escalated?: boolean;
} {
  // A draft saved before the queue had a search or an order lacks them.
  const q = (filters.q ?? '').trim();
  return {
    ...(q ? { q } : {}),
    ...(filters.sort && filters.sort !== 'dueAt' ? { sort: filters.sort } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.chainId ? { chainId: filters.chainId } : {}),
    ...(filters.campaignId ? { campaignId: filters.campaignId } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
    ...(filters.escalated ? { escalated: true } : {}),
  };
}

/** The queue's filters: status, chain, campaign, overdue, escalated; "clear" empties them all. */
export function QueueFilterForm({
  filters,
  onChange,
  onReset,
  chains,
  campaigns,
}: {
  filters: QueueFilters;
  onChange: (patch: Partial<QueueFilters>) => void;
  onReset: () => void;
  chains: readonly Chain[];
  campaigns: readonly Campaign[];
}): ReactNode {
  const { t } = useI18n();
  return (
    <form className="form filters" aria-label={t('queue.filters')} onSubmit={(event) => event.preventDefault()}>
      <TextField
        name="q"
        type="search"
        label={t('search.text')}
        value={filters.q ?? ''}
        onChange={(event) => onChange({ q: event.target.value })}
      />
      <SelectField
        name="sort"
        label={t('search.sort')}
        value={filters.sort ?? 'dueAt'}
        options={SEARCH_SORTS.map((s) => ({ value: s, label: t(`search.sort.${s}`) }))}
        onChange={(event) => onChange({ sort: event.target.value as SearchSort })}
      />
      <SelectField
        name="status"
        label={t('queue.filterStatus')}
        value={filters.status}
        placeholder={t('queue.any')}
        options={QUEUE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        onChange={(event) => onChange({ status: event.target.value as CaseStatus | '' })}
      />
      <SelectField
        name="chainId"
        label={t('queue.filterChain')}
        value={filters.chainId}
        placeholder={t('queue.any')}
        options={nameOptions(chains)}
        onChange={(event) => onChange({ chainId: event.target.value })}
      />
      <SelectField
        name="campaignId"
        label={t('queue.filterCampaign')}
        value={filters.campaignId}
        placeholder={t('queue.any')}
        options={nameOptions(campaigns)}
        onChange={(event) => onChange({ campaignId: event.target.value })}
      />
      <UrgencyChoices
        overdue={filters.overdue}
        escalated={filters.escalated}
        onChange={onChange}
        labels={{ overdue: 'queue.filterOverdue', escalated: 'queue.filterEscalated' }}
      />
      <button type="button" className="secondary" onClick={onReset}>
        {t('queue.clearFilters')}
      </button>
    </form>
  );
}
