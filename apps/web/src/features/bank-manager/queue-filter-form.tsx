import type { ReactNode } from 'react';
import type { Campaign, CaseStatus, Chain } from '../../api/types';
import { SelectField } from '../../components/fields';
import { useI18n } from '../../i18n/i18n';
import { nameOptions } from '../../reference/names';

/** The statuses a bank's queue can hold (diagnosed cases are not at a bank yet). */
export const QUEUE_STATUSES = [
  'assigned',
  'claimed',
  'approved',
  'loan_signed',
  'closed',
] as const satisfies readonly CaseStatus[];

export interface QueueFilters {
  status: CaseStatus | '';
  chainId: string;
  campaignId: string;
  overdue: boolean;
  escalated: boolean;
}

export function noFilters(): QueueFilters {
  return { status: '', chainId: '', campaignId: '', overdue: false, escalated: false };
}

/** The filters of `GET /cases` (empty ones left out). */
export function queueQuery(filters: QueueFilters): {
  status?: CaseStatus;
  chainId?: string;
  campaignId?: string;
  overdue?: boolean;
  escalated?: boolean;
} {
  return {
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
      <div className="choice-list">
        <label className="choice">
          <input
            type="checkbox"
            name="overdue"
            checked={filters.overdue}
            onChange={(event) => onChange({ overdue: event.target.checked })}
          />
          <span>{t('queue.filterOverdue')}</span>
        </label>
        <label className="choice">
          <input
            type="checkbox"
            name="escalated"
            checked={filters.escalated}
            onChange={(event) => onChange({ escalated: event.target.checked })}
          />
          <span>{t('queue.filterEscalated')}</span>
        </label>
      </div>
      <button type="button" className="secondary" onClick={onReset}>
        {t('queue.clearFilters')}
      </button>
    </form>
  );
}
