import type { ReactNode } from 'react';
import type { CaseDetail } from '../../api/types';
import { useNow } from '../../components/countdown';
import { StatusBadge } from '../../components/page';
import { useI18n } from '../../i18n/i18n';
import { deadlineInWords } from '../../lib/span-in-words';

/**
 * Where the case is: the bank by name and its tier (主办行 / 协办行), or the pool's member institutions. A bank
 * a supervisor reassigned the case to is named alone: it holds the case by that hand, not by its tier.
 */
export function assignedBankText(c: CaseDetail, t: ReturnType<typeof useI18n>['t']): string {
  const moves = c.timeline.filter((e) => e.type === 'routed' || e.type === 'reassigned');
  const reassigned = moves[moves.length - 1]?.type === 'reassigned';
  if (c.assignedBankName && !reassigned && (c.routingTier === 1 || c.routingTier === 2)) {
    return t('case.bankAtTier', { bank: c.assignedBankName, tier: t(`tier.${c.routingTier}`) });
  }
  if (c.assignedBankName) return c.assignedBankName;
  if (c.poolMembers.length > 0) return t('case.poolMembers', { names: c.poolMembers.map((o) => o.name).join('、') });
  return t('case.notRouted');
}

/**
 * Where a case stands: the enterprise, the status (escalation, pause), the amounts, the need, the live
 * deadline, and the bank or pool it is at.
 */
export function CaseSummary({ detail: c }: { detail: CaseDetail }): ReactNode {
  const { t, money, exact, dateTime } = useI18n();
  const now = useNow(1000);
  const deadline = c.dueAt ? deadlineInWords(c.dueAt, now, t) : undefined;
  return (
    <section className="panel" aria-labelledby="case-summary">
      <h2 id="case-summary" data-testid="case-enterprise-name">
        {c.enterprise.name}
      </h2>
      <p data-testid="case-status">
        <StatusBadge status={c.status} label={t(`status.${c.status}`)} />
        {c.kind === 'renewal' && (
          <>
            {' '}
            <strong className="badge" data-testid="case-kind">
              {t('renewal.kind.renewal')}
            </strong>
          </>
        )}
        {c.escalationLevel > 0 && (
          <>
            {' '}
            <strong className="badge">
              {t(c.escalationLevel >= 2 ? 'case.escalationLevel.2' : 'case.escalationLevel.1')}
            </strong>
          </>
        )}
        {c.pausedAt && <> {t('case.pausedSince', { at: dateTime(c.pausedAt) })}</>}
      </p>
      <dl className="facts" data-testid="case-facts">
        <dt>{t('case.pool')}</dt>
        <dd data-testid="assigned-bank">{assignedBankText(c, t)}</dd>
        <dt>{t('case.source')}</dt>
        <dd data-testid="case-source">{t(`source.${c.source}`)}</dd>
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
        {c.signedAmount !== '0.00' && (
          <>
            <dt>{t('case.signed')}</dt>
            <dd title={exact(c.signedAmount)}>{money(c.signedAmount)}</dd>
          </>
        )}
        <dt>{t('case.deadline')}</dt>
        <dd data-testid="case-deadline">
          {!c.dueAt && t('countdown.none')}
          {c.dueAt && c.pausedAt && t('countdown.paused', { at: dateTime(c.dueAt) })}
          {c.dueAt && !c.pausedAt && (
            <>
              {deadline?.overdue ? <strong>{deadline.text}</strong> : deadline?.text}
              <time dateTime={c.dueAt} className="summary">
                {t('case.dueParen', { at: dateTime(c.dueAt) })}
              </time>
            </>
          )}
        </dd>
      </dl>
    </section>
  );
}
