import type { ReactNode } from 'react';
import type { CaseDetail } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { Countdown, useNow } from '../../components/countdown';
import { StatusBadge } from '../../components/page';
import { useI18n } from '../../i18n/i18n';
import { useEnterprise } from '../../reference/enterprise-names';
import { nameOf } from '../../reference/names';
import { useOrganizations } from '../../reference/reference-lists';

/**
 * Where a case stands: the enterprise, the status (escalation, pause), the amounts, the need, the live
 * deadline, and the bank or pool it is routed to.
 */
export function CaseSummary({ detail: c }: { detail: CaseDetail }): ReactNode {
  const { t, money, exact, dateTime } = useI18n();
  const { api } = useAuth();
  const now = useNow(1000);
  const enterprise = useEnterprise(api, c.enterpriseId);
  const organizations = useOrganizations();
  const orgs = organizations.data;
  return (
    <section className="panel" aria-labelledby="case-summary">
      <h2 id="case-summary">{enterprise.data?.name ?? t('case.enterprise')}</h2>
      <p data-testid="case-status">
        <StatusBadge status={c.status} label={t(`status.${c.status}`)} />
        {c.escalationLevel > 0 && (
          <>
            {' '}
            <strong className="badge">{t('queue.escalation', { level: c.escalationLevel })}</strong>
          </>
        )}
        {c.pausedAt && <> {t('case.pausedSince', { at: dateTime(c.pausedAt) })}</>}
      </p>
      <dl className="facts" data-testid="case-facts">
        <dt>{t('case.requested')}</dt>
        <dd title={exact(c.requestedAmount)}>{money(c.requestedAmount)}</dd>
        <dt>{t('case.purpose')}</dt>
        <dd>{t(`purpose.${c.purpose}`)}</dd>
        <dt>{t('case.term')}</dt>
        <dd>{t(`term.${c.term}`)}</dd>
        <dt>{t('case.bottlenecks')}</dt>
        <dd>{c.bottlenecks.map((b) => t(`bottleneck.${b}`)).join('、')}</dd>
        {c.intentionAmount && (
          <>
            <dt>{t('case.intention')}</dt>
            <dd title={exact(c.intentionAmount)}>{money(c.intentionAmount)}</dd>
          </>
        )}
        <dt>{t('case.signed')}</dt>
        <dd title={exact(c.signedAmount)}>{money(c.signedAmount)}</dd>
        <dt>{t('case.deadline')}</dt>
        <dd>
          <Countdown dueAt={c.dueAt} now={now} paused={c.pausedAt !== null} />
        </dd>
        <dt>{t('supervisor.bank')}</dt>
        <dd data-testid="assigned-bank">{nameOf(orgs, c.assignedBankId)}</dd>
        <dt>{t('case.tier')}</dt>
        <dd>{c.routingTier ? t('case.tierValue', { tier: c.routingTier }) : '—'}</dd>
        <dt>{t('case.pool')}</dt>
        <dd>{c.pool.length > 0 ? c.pool.map((id) => nameOf(orgs, id)).join('、') : '—'}</dd>
      </dl>
    </section>
  );
}
