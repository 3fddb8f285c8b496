import { useState, type FormEvent, type ReactNode } from 'react';
import { unwrap } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { queryKeys } from '../../api/query-keys';
import { useApiMutation } from '../../api/use-api-mutation';
import { useAuth } from '../../auth/auth';
import { TextField } from '../../components/fields';
import { MoneyField } from '../../components/money-field';
import { Notice, ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';
import { todayInShanghai } from '../../lib/dates';
import { fromFen, isMoney, parseAmountText } from '@unblock/domain';
import { toFen } from '../../lib/money';
import { EnterprisePicker } from '../../reference/enterprise-picker';
import { useEnterpriseSearch } from '../../reference/enterprise-search';
import type { LoanBalance } from './balance-types';

type Field = 'enterpriseId' | 'month' | 'balance' | 'mediumLongBalance';

/** A balance as typed ("800万", "1,250,000.50", "0"): the API's decimal string, or what is wrong with it. */
export function parseBalanceInput(text: string): { ok: true; value: string } | { ok: false; error: MessageKey } {
  const read = parseAmountText(text);
  if (!read.ok) return { ok: false, error: read.error === 'required' ? 'form.required' : `money.${read.error}` };
  const value = fromFen(read.fen);
  if (!isMoney(value)) return { ok: false, error: 'money.tooLarge' };
  return { ok: true, value };
}

/** The month before today's (Shanghai): the month a bank reports by default. */
export function previousMonth(today: string = todayInShanghai()): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/**
 * A balance report: the enterprise (by name or credit code), the month, the balance and of it the
 * medium/long-term part. A month reported again is corrected; the answer says which it was.
 */
export function BalanceForm(): ReactNode {
  const { t, money } = useI18n();
  const { api } = useAuth();
  const search = useEnterpriseSearch();
  const [enterprise, setEnterprise] = useState<{ id: string; name: string } | undefined>();
  const [month, setMonth] = useState(previousMonth());
  const [balance, setBalance] = useState('');
  const [mediumLong, setMediumLong] = useState('0');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, MessageKey>>>({});
  const report = useApiMutation(
    (body: { enterpriseId: string; month: string; balance: string; mediumLongBalance: string; note?: string }) =>
      unwrap(api.POST('/api/v1/loan-balances', { body })) as Promise<unknown> as Promise<LoanBalance>,
    [queryKeys.loanBalances.all, queryKeys.reports.all],
  );
  const serverErrors = report.error instanceof ApiProblem ? report.error.fieldErrors() : {};
  const message = (field: Field): string | undefined => {
    const own = errors[field];
    return own ? t(own) : serverErrors[field];
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found: Partial<Record<Field, MessageKey>> = {};
    const amount = parseBalanceInput(balance);
    const part = parseBalanceInput(mediumLong);
    if (!enterprise) found.enterpriseId = 'balance.pickEnterprise';
    if (!/^\d{4}-(0[1-9]|1[0-2])$/u.test(month) || month > todayInShanghai().slice(0, 7))
      found.month = 'balance.monthHint';
    if (!amount.ok) found.balance = amount.error;
    if (!part.ok) found.mediumLongBalance = part.error;
    if (amount.ok && part.ok && (toFen(part.value) ?? 0n) > (toFen(amount.value) ?? 0n))
      found.mediumLongBalance = 'balance.mediumLongTooLarge';
    setErrors(found);
    if (Object.keys(found).length > 0 || !enterprise || !amount.ok || !part.ok) return;
    report.mutate({
      enterpriseId: enterprise.id,
      month,
      balance: amount.value,
      mediumLongBalance: part.value,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };

  const done = report.data;
  return (
    <form className="panel" aria-labelledby="balance-form" onSubmit={submit} noValidate>
      <h2 id="balance-form">{t('balance.form')}</h2>
      <p className="summary">{t('balance.formHint')}</p>
      {done && (
        <Notice kind="success">
          {done.revision === 1
            ? t('balance.created', { enterprise: done.enterpriseName, month: done.month })
            : t('balance.corrected', {
                enterprise: done.enterpriseName,
                month: done.month,
                revision: done.revision,
              })}{' '}
          {money(done.balance)}
        </Notice>
      )}
      {enterprise ? (
        <div className="field selected-enterprise">
          <span className="label">{t('balance.enterprise')}</span>
          <p>
            <strong>{t('visit.selected', { name: enterprise.name })}</strong>{' '}
            <button type="button" className="link-button" onClick={() => setEnterprise(undefined)}>
              {t('visit.change')}
            </button>
          </p>
        </div>
      ) : (
        <EnterprisePicker
          search={search}
          error={message('enterpriseId')}
          onPick={(picked) => {
            setEnterprise({ id: picked.id, name: picked.name });
            setErrors((previous) => {
              const next = { ...previous };
              delete next.enterpriseId;
              return next;
            });
          }}
        />
      )}
      <TextField
        name="month"
        type="month"
        label={t('balance.month')}
        hint={t('balance.monthHint')}
        required
        value={month}
        max={todayInShanghai().slice(0, 7)}
        error={message('month')}
        onChange={(event) => setMonth(event.target.value)}
      />
      <MoneyField
        name="balance"
        label={t('balance.balance')}
        required
        value={balance}
        error={message('balance')}
        onChange={setBalance}
      />
      <MoneyField
        name="mediumLongBalance"
        label={t('balance.mediumLong')}
        required
        value={mediumLong}
        error={message('mediumLongBalance')}
        onChange={setMediumLong}
      />
      <TextField name="note" label={t('balance.note')} value={note} onChange={(event) => setNote(event.target.value)} />
      <ProblemBanner
        error={report.error instanceof ApiProblem && Object.keys(serverErrors).length > 0 ? undefined : report.error}
      />
      <button type="submit" disabled={report.isPending}>
        {report.isPending ? t('app.loading') : t('balance.submit')}
      </button>
    </form>
  );
}
