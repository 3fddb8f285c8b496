import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { Schemas } from '../../api/types';
import { Link } from '../../app/router';
import { useAuth, useUser } from '../../auth/auth';
import { TextField } from '../../components/fields';
import { Page, StatusBadge } from '../../components/page';
import { ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';

type MaturingContract = Schemas['MaturingContractResponse'];

/**
 * The maturity calendar (到期日历): the loans maturing in a window (the next 60 days unless chosen), a bank
 * manager's at their bank, a supervisor's in their region, week by week with each week's sum; each loan with
 * its enterprise, amount, business days left and the renewal applied for (a link to its case).
 */
export function MaturityCalendarPage(): ReactNode {
  const { t, money, day } = useI18n();
  const { api } = useAuth();
  const user = useUser();
  const [draft, setDraft] = useState({ from: '', to: '' });
  const [window, setWindow] = useState<{ from?: string; to?: string }>({});
  const calendar = useQuery({
    queryKey: queryKeys.maturing.list(window),
    queryFn: () => unwrap(api.GET('/api/v1/contracts/maturing', { params: { query: window } })),
  });
  const caseBase = user.role === 'supervisor' ? '/supervision/cases' : '/queue';
  const show = (event: FormEvent): void => {
    event.preventDefault();
    setWindow({ ...(draft.from ? { from: draft.from } : {}), ...(draft.to ? { to: draft.to } : {}) });
  };
  const data = calendar.data;
  const byWeek = new Map<string, MaturingContract[]>();
  for (const item of data?.items ?? []) {
    const week = data?.weeks.find((w) => w.weekOf <= item.maturesOn && item.maturesOn <= addDays(w.weekOf, 6));
    const key = week?.weekOf ?? item.maturesOn;
    byWeek.set(key, [...(byWeek.get(key) ?? []), item]);
  }
  return (
    <Page
      title={t('maturity.title')}
      actions={
        <button type="button" className="secondary" onClick={() => void calendar.refetch()}>
          {t('list.refresh')}
        </button>
      }
    >
      <form className="form filters" onSubmit={show} noValidate aria-label={t('maturity.title')}>
        <TextField
          name="from"
          type="date"
          label={t('maturity.from')}
          value={draft.from}
          onChange={(event) => setDraft({ ...draft, from: event.target.value })}
        />
        <TextField
          name="to"
          type="date"
          label={t('maturity.to')}
          value={draft.to}
          onChange={(event) => setDraft({ ...draft, to: event.target.value })}
        />
        <button type="submit">{t('maturity.show')}</button>
      </form>
      <ProblemBanner error={calendar.error} />
      {calendar.isLoading && <p>{t('app.loading')}</p>}
      {data && data.items.length === 0 && <p>{t('maturity.empty')}</p>}
      {data?.truncated && <p className="hint">{t('maturity.truncated')}</p>}
      {data?.weeks.map((week) => (
        <section
          key={week.weekOf}
          className="panel"
          aria-labelledby={`week-${week.weekOf}`}
          data-testid="maturity-week"
        >
          <h2 id={`week-${week.weekOf}`}>
            {t('maturity.week', { weekOf: day(week.weekOf), count: week.count, amount: money(week.amount) })}
          </h2>
          {week.renewals > 0 && <p className="hint">{t('maturity.weekRenewals', { n: week.renewals })}</p>}
          <ul className="card-list">
            {(byWeek.get(week.weekOf) ?? []).map((item) => (
              <li key={item.id} className="card" data-contract-id={item.id}>
                <p>
                  <strong>{item.enterpriseName}</strong> · {money(item.amount)}
                </p>
                <p className="summary">
                  {t('maturity.contract', { contractNo: item.contractNo })} · {item.bankName} ·{' '}
                  {t('maturity.matures', { date: day(item.maturesOn) })} ·{' '}
                  {item.businessDaysLeft === 0
                    ? t('maturity.dueToday')
                    : t('maturity.daysLeft', { n: item.businessDaysLeft })}
                </p>
                {item.renewalCase && (
                  <p>
                    <strong className="badge">{t('renewal.applied')}</strong>{' '}
                    <Link to={`${caseBase}/${item.renewalCase.id}`}>{item.renewalCase.number}</Link>{' '}
                    <StatusBadge status={item.renewalCase.status} label={t(`status.${item.renewalCase.status}`)} />
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Page>
  );
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
