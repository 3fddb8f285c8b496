import { useEffect, useState, type ReactNode } from 'react';
import { unwrap, unwrapPage } from '../../api/client';
import { Link } from '../../app/router';
import { useAuth } from '../../auth/auth';
import { SelectField } from '../../components/fields';
import { Page, StatusBadge } from '../../components/page';
import { Notice, ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../lib/use-load';
import { loadReferenceData, nameOf, regionName } from './reference-data';
import { ESCALATION_STATUSES, overdueText, type Escalation, type EscalationStatus } from './supervisor-types';

const QUEUE_LIMIT = 200;
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
  const [actionError, setActionError] = useState<unknown>(undefined);
  const [acknowledged, setAcknowledged] = useState<string | undefined>(undefined);
  const reference = useLoad(() => loadReferenceData(api), [api]);
  const queue = useLoad(async () => {
    const page = await unwrapPage<Escalation>(
      api.GET('/api/v1/escalations', {
        params: {
          query: {
            limit: QUEUE_LIMIT,
            ...(filters.status ? { status: filters.status } : {}),
            ...(filters.level ? { level: Number(filters.level) as 1 | 2 } : {}),
            ...(filters.bankId ? { bankId: filters.bankId } : {}),
            ...(filters.chainId ? { chainId: filters.chainId } : {}),
            ...(filters.regionCode ? { regionCode: filters.regionCode } : {}),
          },
        },
      }),
    );
    // Oldest first: the deadline missed longest ago leads.
    return [...page.items].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }, [api, filters.status, filters.level, filters.bankId, filters.chainId, filters.regionCode]);
  const { reload } = queue;
  useEffect(() => {
    const timer = setInterval(reload, QUEUE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const refs = reference.data;
  const units = {
    d: t('supervisor.unit.day'),
    h: t('supervisor.unit.hour'),
    m: t('supervisor.unit.minute'),
    s: t('supervisor.unit.second'),
  };
  const set = (patch: Partial<Filters>): void => setFilters((previous) => ({ ...previous, ...patch }));

  const acknowledge = async (escalation: Escalation): Promise<void> => {
    setActionError(undefined);
    setAcknowledged(undefined);
    try {
      await unwrap(api.POST('/api/v1/escalations/{id}/acknowledge', { params: { path: { id: escalation.id } } }));
      setAcknowledged(escalation.id);
      queue.reload();
    } catch (error: unknown) {
      setActionError(error);
    }
  };

  return (
    <Page
      title={t('escalations.title')}
      actions={
        <button type="button" className="secondary" onClick={queue.reload}>
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
            { value: '1', label: t('escalations.levelN', { level: 1 }) },
            { value: '2', label: t('escalations.levelN', { level: 2 }) },
          ]}
          onChange={(event) => set({ level: event.target.value as Filters['level'] })}
        />
        <SelectField
          name="bankId"
          label={t('supervisor.bank')}
          value={filters.bankId}
          placeholder={t('supervisor.all')}
          options={(refs?.banks ?? []).map((b) => ({ value: b.id, label: b.name }))}
          onChange={(event) => set({ bankId: event.target.value })}
        />
        <SelectField
          name="chainId"
          label={t('supervisor.chain')}
          value={filters.chainId}
          placeholder={t('supervisor.all')}
          options={(refs?.chains ?? []).map((c) => ({ value: c.id, label: c.name }))}
          onChange={(event) => set({ chainId: event.target.value })}
        />
        <SelectField
          name="regionCode"
          label={t('supervisor.region')}
          value={filters.regionCode}
          placeholder={t('supervisor.all')}
          options={(refs?.regions ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))}
          onChange={(event) => set({ regionCode: event.target.value })}
        />
      </form>
      <ProblemBanner error={queue.error ?? reference.error} />
      <ProblemBanner error={actionError} onConflict={queue.reload} onDismiss={() => setActionError(undefined)} />
      {acknowledged && <Notice kind="success">{t('escalations.acknowledged')}</Notice>}
      {queue.loading && !queue.data && <p>{t('app.loading')}</p>}
      {queue.data && queue.data.length === 0 && <p>{t('escalations.empty')}</p>}
      {queue.data && queue.data.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('escalations.title')}>
          <table data-testid="escalations">
            <thead>
              <tr>
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
              {queue.data.map((e) => (
                <tr key={e.id} data-case-id={e.caseId}>
                  <td>
                    <StatusBadge status={`level-${e.level}`} label={t('escalations.levelN', { level: e.level })} />
                  </td>
                  <td>{t(`supervisor.obligation.${e.obligation}`)}</td>
                  <td title={t('escalations.dueAt', { at: dateTime(e.dueAt) })}>
                    {overdueText(e.overdueSeconds, units)}
                  </td>
                  <td>{nameOf(refs?.banks, e.bankId)}</td>
                  <td>{nameOf(refs?.chains, e.chainId)}</td>
                  <td>{regionName(refs?.regions, e.regionCode)}</td>
                  <td>{t(`supervisor.escalationStatus.${e.status}`)}</td>
                  <td>
                    <div className="button-row">
                      {e.status === 'open' && (
                        <button type="button" className="secondary" onClick={() => void acknowledge(e)}>
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
    </Page>
  );
}
