import type { ReactNode } from 'react';
import type { CaseDetail } from '../../api/types';
import { useNow } from '../../components/countdown';
import { useI18n } from '../../i18n/i18n';
import { spanInWords } from '../../lib/span-in-words';

/**
 * The case's escalations (督办): level, when opened, acknowledged or not. An open one counts how long its
 * deadline is overdue (an escalation is overdue by definition, even on a device whose clock lags); a resolved one says when it was resolved and counts no more.
 */
export function CaseEscalations({ escalations }: { escalations: CaseDetail['escalations'] }): ReactNode {
  const { t, dateTime } = useI18n();
  const now = useNow(1000);
  return (
    <section className="panel" aria-labelledby="case-escalations">
      <h2 id="case-escalations">{t('case.escalations')}</h2>
      {escalations.length === 0 && <p>{t('case.noEscalations')}</p>}
      <ul data-testid="case-escalations">
        {escalations.map((e) => (
          <li key={e.id}>
            {t('case.escalationOpened', {
              obligation: t(`obligation.${e.obligation}`),
              level: t(`case.escalationLevel.${e.level}`),
              at: dateTime(e.openedAt),
            })}
            {' · '}
            {e.resolvedAt ? (
              t('case.escalationResolved', { at: dateTime(e.resolvedAt) })
            ) : (
              <>
                <strong>{t('span.overdue', { span: spanInWords(Math.max(0, now - Date.parse(e.dueAt)), t) })}</strong>
                {' · '}
                {e.acknowledgedAt
                  ? t('case.escalationAcknowledged', { at: dateTime(e.acknowledgedAt) })
                  : t('case.escalationNotAcknowledged')}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
