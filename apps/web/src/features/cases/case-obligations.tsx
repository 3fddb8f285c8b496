import type { ReactNode } from 'react';
import type { CaseDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n';

/** The case's deadlines: each obligation, when it is due, and whether it was met or cancelled. */
export function CaseObligations({ obligations }: { obligations: CaseDetail['obligations'] }): ReactNode {
  const { t, dateTime } = useI18n();
  return (
    <section className="panel" aria-labelledby="case-obligations">
      <h2 id="case-obligations">{t('case.obligations')}</h2>
      <ul>
        {obligations.map((o) => (
          <li key={`${o.obligation}-${o.openedAt}`}>
            {t(`obligation.${o.obligation}`)}: {t('countdown.due', { at: dateTime(o.dueAt) })}
            {o.metAt ? ` · ${t('case.met', { at: dateTime(o.metAt) })}` : ''}
            {o.cancelledAt ? ` · ${t('case.cancelled')}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
