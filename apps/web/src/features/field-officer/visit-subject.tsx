import type { ReactNode } from 'react';
import type { VisitKind } from '../../api/types';
import { useI18n } from '../../i18n/i18n';

/** What is known of a visit and its enterprise; what is still loading is left out (or shown as "—"). */
export interface VisitSubjectFacts {
  enterpriseName: string | undefined;
  /** Shown as a row ("—" until known) when the enterprise is read from the API. */
  enterprise?: { uscc: string | undefined; district: string | undefined };
  visit:
    { visitedOn: string; kind: VisitKind; campaignName: string | undefined; summary?: string | undefined } | undefined;
}

/**
 * Which enterprise and which visit a diagnosis is for: the name, the credit code and district when read,
 * the visit's day, kind, campaign and summary. Written once for a visit of the API and one kept on this device.
 */
export function VisitSubject({ facts, children }: { facts: VisitSubjectFacts; children?: ReactNode }): ReactNode {
  const { t, day } = useI18n();
  const { enterprise, visit } = facts;
  return (
    <section className="panel" aria-labelledby="diagnosis-subject" data-testid="diagnosis-subject">
      <h2 id="diagnosis-subject">{facts.enterpriseName ?? t('app.loading')}</h2>
      {children}
      <dl className="facts">
        {enterprise && (
          <>
            <dt>{t('fo.uscc')}</dt>
            <dd>{enterprise.uscc ?? '—'}</dd>
            <dt>{t('fo.district')}</dt>
            <dd>{enterprise.district ?? '—'}</dd>
          </>
        )}
        <dt>{t('fo.visit')}</dt>
        <dd>
          {visit
            ? [day(visit.visitedOn), t(`kind.${visit.kind}`), visit.campaignName].filter(Boolean).join(' · ')
            : '—'}
        </dd>
        {visit?.summary && (
          <>
            <dt>{t('visit.summary')}</dt>
            <dd className="summary">{visit.summary}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
