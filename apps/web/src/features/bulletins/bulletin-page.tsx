import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { Schemas } from '../../api/types';
import { Link } from '../../app/router';
import { useAuth } from '../../auth/auth';
import { Page } from '../../components/page';
import { ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { downloadBulletin } from '../supervisor/report-export';
import { LeagueTable, useLeagueValue } from './league-table';

type Bulletin = Schemas['Bulletin'];

/** One daily bulletin: its league tables, overdue and escalated cases and laggards, with its files. */
export function BulletinPage({ bulletinId }: { bulletinId: string }): ReactNode {
  const { t, day, dateTime, locale } = useI18n();
  const { api } = useAuth();
  const valueOf = useLeagueValue();
  const [downloadError, setDownloadError] = useState<unknown>(undefined);
  const [downloading, setDownloading] = useState(false);
  const bulletin = useQuery({
    queryKey: queryKeys.bulletins.detail(bulletinId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/bulletins/{id}', { params: { path: { id: bulletinId } } }),
      ) as Promise<unknown> as Promise<Bulletin>,
  });
  const download = async (format: 'xlsx' | 'pdf'): Promise<void> => {
    setDownloadError(undefined);
    setDownloading(true);
    try {
      await downloadBulletin(api, bulletinId, format, locale);
    } catch (error: unknown) {
      setDownloadError(error);
    } finally {
      setDownloading(false);
    }
  };
  const b = bulletin.data;
  const content = b?.content;
  /** A folded league in a line: its first and last, or that all are tied, or that it has no figures yet. */
  const foldedLine = (table: Bulletin['content']['regionLeagues'][number]): string => {
    const first = table.rows[0];
    const last = table.rows.at(-1);
    if (!first || !last || first.value === null) return t('bulletin.noFigures');
    if (first.value === last.value) return t('bulletin.allTied', { value: valueOf(table.indicator, first.value) });
    return t('bulletin.firstLast', {
      first: first.name,
      firstValue: valueOf(table.indicator, first.value),
      last: last.name,
      lastValue: valueOf(table.indicator, last.value),
    });
  };
  const tables = (id: string, title: string, list: Bulletin['content']['regionLeagues']): ReactNode =>
    list.length > 0 && (
      <section aria-labelledby={id} className="panel">
        <h2 id={id}>{title}</h2>
        {list.map((table) => {
          // On a phone the nine tables of a bulletin ran to some twenty screens: each folds to its first and last.
          const heading = `${id}-${table.indicator}`;
          return (
            <details key={table.indicator} className="league-details">
              <summary>
                <h3 id={heading}>{t(`league.indicator.${table.indicator}`)}</h3>
                <span className="summary">{foldedLine(table)}</span>
              </summary>
              <LeagueTable table={table} labelledBy={heading} />
            </details>
          );
        })}
      </section>
    );
  return (
    <Page
      title={
        content ? t('bulletin.title', { region: content.regionName, day: day(content.day) }) : t('bulletin.listTitle')
      }
      actions={<Link to="/bulletins">{t('bulletin.back')}</Link>}
    >
      <ProblemBanner error={bulletin.error} />
      <ProblemBanner error={downloadError} onDismiss={() => setDownloadError(undefined)} />
      {bulletin.isLoading && <p>{t('app.loading')}</p>}
      {b && content && (
        <>
          <p className="summary">{t('bulletin.written', { at: dateTime(content.writtenAt) })}</p>
          <div className="button-row">
            <button type="button" className="secondary" disabled={downloading} onClick={() => void download('xlsx')}>
              {t('bulletin.downloadXlsx')}
            </button>
            <button type="button" className="secondary" disabled={downloading} onClick={() => void download('pdf')}>
              {t('bulletin.downloadPdf')}
            </button>
          </div>
          <section aria-labelledby="bulletin-cases" className="panel">
            <h2 id="bulletin-cases">{t('bulletin.cases')}</h2>
            <p>{t('bulletin.casesCount', { overdue: content.cases.overdue, escalated: content.cases.escalated })}</p>
            {content.cases.cases.length === 0 ? (
              <p>{t('bulletin.noCases')}</p>
            ) : (
              <ul className="card-list" aria-labelledby="bulletin-cases">
                {content.cases.cases.map((c) => (
                  <li key={c.caseId} className="card">
                    <p>
                      <Link to={`/supervision/cases/${c.caseId}`}>{c.number}</Link> · {c.enterpriseName}
                    </p>
                    <p className="summary">
                      {[
                        c.bankName ?? t('bulletin.pool'),
                        c.overdueDays === null ? '' : t('bulletin.overdueDays', { n: c.overdueDays }),
                        c.escalationLevel > 0 ? t('bulletin.level', { n: c.escalationLevel }) : '',
                      ]
                        .filter((part) => part !== '')
                        .join(' · ')}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="bulletin-laggards" className="panel">
            <h2 id="bulletin-laggards">{t('bulletin.laggards')}</h2>
            {content.laggards.length === 0 ? (
              <p>{t('bulletin.noLaggards')}</p>
            ) : (
              <ul aria-labelledby="bulletin-laggards">
                {content.laggards.map((l) => (
                  <li key={`${l.by}.${l.key}.${l.indicator}`}>
                    {l.name} · {t(`league.indicator.${l.indicator}`)} {valueOf(l.indicator, l.value)} ·{' '}
                    {l.reason === 'under_threshold'
                      ? t('bulletin.reason.under_threshold', { threshold: valueOf(l.indicator, l.threshold) })
                      : t('bulletin.reason.bottom')}
                  </li>
                ))}
              </ul>
            )}
          </section>
          {tables('bulletin-regions', t('bulletin.regionLeagues'), content.regionLeagues)}
          {tables('bulletin-banks', t('bulletin.bankLeagues'), content.bankLeagues)}
        </>
      )}
    </Page>
  );
}
