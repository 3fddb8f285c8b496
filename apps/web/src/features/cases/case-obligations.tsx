import type { ReactNode } from 'react';
import type { CaseDetail } from '../../api/types';
import { useNow } from '../../components/countdown';
import { useI18n } from '../../i18n/i18n';
import { deadlineInWords } from '../../lib/span-in-words';

type ObligationRow = CaseDetail['obligations'][number];

/** The case's clocks: each obligation, its state in words, when it is due, and how long is left or overdue. */
export function CaseObligations({ detail: c }: { detail: CaseDetail }): ReactNode {
  const { t, dateTime } = useI18n();
  const now = useNow(1000);
  const state = (o: ObligationRow): ReactNode => {
    if (o.metAt) return `${t('case.obligationState.met')} · ${dateTime(o.metAt)}`;
    if (o.cancelledAt) return t('case.obligationState.cancelled');
    if (c.pausedAt) return t('case.obligationState.paused');
    const { text, overdue } = deadlineInWords(o.dueAt, now, t);
    return overdue ? <strong>{text}</strong> : text;
  };
  return (
    <section className="panel" aria-labelledby="case-obligations">
      <h2 id="case-obligations">{t('case.obligations')}</h2>
      <ul data-testid="case-obligations">
        {c.obligations.map((o) => (
          <li key={`${o.obligation}-${o.openedAt}`}>
            <strong>{t(`obligation.${o.obligation}`)}</strong>
            {t('case.colon')}
            {state(o)}
            <span className="summary">{t('case.dueParen', { at: dateTime(o.dueAt) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
