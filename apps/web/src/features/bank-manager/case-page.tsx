import { useState, type ReactNode } from 'react';
import { unwrap } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { CaseDetail, Enterprise, Schemas } from '../../api/types';
import { Link } from '../../app/router';
import { useAuth, useUser } from '../../auth/auth';
import { SelectField, TextAreaField, TextField } from '../../components/fields';
import { Page, StatusBadge } from '../../components/page';
import { Notice, ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';
import { parseMoneyInput } from '../../lib/money';
import { useDraft } from '../../lib/use-draft';
import { useLoad } from '../../lib/use-load';
import { Countdown, useNow } from './countdown';
import { DeclineForm, emptyDecline, type DeclineBody } from './decline-form';
import { emptyContract, LoansForm, type ContractValues, type SignLoansBody } from './loans-form';
import { loadReferenceData } from './reference-data';

type Milestone = Schemas['MilestoneDto']['type'];
const MILESTONES = ['contacted', 'due_diligence', 'intention'] as const satisfies readonly Milestone[];
const EVENT_TYPES = [
  'diagnosed',
  'routed',
  'claimed',
  'released',
  'declined',
  'milestone',
  'paused',
  'resumed',
  'approved',
  'loans_signed',
  'closed',
  'reassigned',
  'deadline_extended',
  'note',
  'claim_deadline_missed',
  'escalated',
] as const;

function eventLabel(type: string): MessageKey | undefined {
  return (EVENT_TYPES as readonly string[]).includes(type) ? (`event.${type}` as MessageKey) : undefined;
}

/** `/queue/:id`: one case, its timeline, and the actions its current status allows. */
export function CasePage({ caseId }: { caseId: string }): ReactNode {
  const { t, money, exact, dateTime, day } = useI18n();
  const { api } = useAuth();
  const user = useUser();
  const now = useNow(1000);
  const detail = useLoad(
    () => unwrap<CaseDetail>(api.GET('/api/v1/cases/{id}', { params: { path: { id: caseId } } })),
    [api, caseId],
  );
  const enterpriseId = detail.data?.enterpriseId;
  const enterprise = useLoad(
    async () =>
      enterpriseId
        ? unwrap<Enterprise>(api.GET('/api/v1/enterprises/{id}', { params: { path: { id: enterpriseId } } }))
        : undefined,
    [api, enterpriseId],
  );
  const reference = useLoad(() => loadReferenceData(api), [api]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState<MessageKey | undefined>(undefined);
  const [decline, setDecline, clearDecline] = useDraft(`bank.decline.${caseId}`, emptyDecline);
  const [loans, setLoans, clearLoans] = useDraft<{ contracts: ContractValues[] }>(`bank.loans.${caseId}`, () => ({
    contracts: [emptyContract()],
  }));
  const [milestone, setMilestone, clearMilestone] = useDraft<{ type: Milestone | ''; amount: string; note: string }>(
    `bank.milestone.${caseId}`,
    () => ({ type: '', amount: '', note: '' }),
  );
  const [milestoneError, setMilestoneError] = useState<Partial<Record<'type' | 'intentionAmount', MessageKey>>>({});

  const run = async (call: () => Promise<unknown>, success: MessageKey, after?: () => void): Promise<void> => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      await call();
      after?.();
      setDone(success);
      detail.reload();
    } catch (caught: unknown) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const c = detail.data;
  const path = { params: { path: { id: caseId } } };
  const version = c?.version ?? 1;
  const problem = error instanceof ApiProblem && error.status === 400 ? error : undefined;
  const fieldErrors = problem?.fieldErrors() ?? {};
  const mine = c !== undefined && c.claimedByUserId === user.id;
  const bankName = new Map((reference.data?.banks ?? []).map((b) => [b.id, b.name]));

  const simple = (action: 'claim' | 'release' | 'approve' | 'pause' | 'resume', success: MessageKey): void => {
    const body = { expectedVersion: version };
    const calls = {
      claim: () => unwrap(api.POST('/api/v1/cases/{id}/claim', { ...path, body })),
      release: () => unwrap(api.POST('/api/v1/cases/{id}/release', { ...path, body })),
      approve: () => unwrap(api.POST('/api/v1/cases/{id}/approve', { ...path, body })),
      pause: () => unwrap(api.POST('/api/v1/cases/{id}/pause', { ...path, body })),
      resume: () => unwrap(api.POST('/api/v1/cases/{id}/resume', { ...path, body })),
    };
    void run(calls[action], success);
  };
  const submitDecline = (body: DeclineBody): void =>
    void run(() => unwrap(api.POST('/api/v1/cases/{id}/decline', { ...path, body })), 'case.declined', clearDecline);
  const submitLoans = (body: SignLoansBody): void =>
    void run(() => unwrap(api.POST('/api/v1/cases/{id}/loans', { ...path, body })), 'case.signedDone', clearLoans);
  const submitMilestone = (): void => {
    const errors: Partial<Record<'type' | 'intentionAmount', MessageKey>> = {};
    if (!milestone.type) errors.type = 'case.pickMilestone';
    const amount = milestone.type === 'intention' ? parseMoneyInput(milestone.amount) : undefined;
    if (amount && !amount.ok)
      errors.intentionAmount = amount.error === 'required' ? 'form.required' : `money.${amount.error}`;
    setMilestoneError(errors);
    if (!milestone.type || Object.keys(errors).length > 0) return;
    const note = milestone.note.trim();
    const body = {
      type: milestone.type,
      expectedVersion: version,
      ...(amount?.ok ? { intentionAmount: amount.value } : {}),
      ...(note ? { note } : {}),
    };
    void run(
      () => unwrap(api.POST('/api/v1/cases/{id}/milestones', { ...path, body })),
      'case.milestoneRecorded',
      clearMilestone,
    );
  };

  const pauseButton = c && (
    <button
      type="button"
      className="secondary"
      disabled={busy}
      onClick={() => (c.pausedAt ? simple('resume', 'case.resumed') : simple('pause', 'case.paused'))}
    >
      {c.pausedAt ? t('case.resume') : t('case.pause')}
    </button>
  );
  const declinePanel = c && (
    <details className="panel">
      <summary>{t('decline.title')}</summary>
      <DeclineForm
        expectedVersion={version}
        values={decline}
        onChange={setDecline}
        onSubmit={submitDecline}
        serverErrors={fieldErrors}
        busy={busy}
      />
    </details>
  );

  return (
    <Page
      title={c ? t('case.title', { number: c.number }) : t('case.loadingTitle')}
      actions={
        <>
          <Link to="/queue">{t('case.backToQueue')}</Link>{' '}
          <button type="button" className="secondary" onClick={detail.reload}>
            {t('list.refresh')}
          </button>
        </>
      }
    >
      <ProblemBanner error={error} onConflict={detail.reload} onDismiss={() => setError(undefined)} />
      {done && <Notice kind="success">{t(done)}</Notice>}
      {!c && <ProblemBanner error={detail.error} />}
      {!c && detail.loading && <p>{t('app.loading')}</p>}
      {c && (
        <>
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
            <dl className="facts">
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
              <dt>{t('case.tier')}</dt>
              <dd>{c.routingTier ? t('case.tierValue', { tier: c.routingTier }) : '—'}</dd>
              <dt>{t('case.pool')}</dt>
              <dd>{c.pool.length > 0 ? c.pool.map((id) => bankName.get(id) ?? id).join('、') : '—'}</dd>
            </dl>
          </section>

          <section className="panel" aria-labelledby="case-actions">
            <h2 id="case-actions">{t('case.actions')}</h2>
            {c.status === 'assigned' && (
              <>
                <p>
                  <button type="button" disabled={busy} onClick={() => simple('claim', 'case.claimed')}>
                    {t('case.claim')}
                  </button>
                </p>
                {declinePanel}
              </>
            )}
            {['claimed', 'approved', 'loan_signed'].includes(c.status) && !mine && <p>{t('case.claimedByOther')}</p>}
            {c.status === 'claimed' && mine && (
              <>
                <p className="page-actions">
                  <button type="button" disabled={busy} onClick={() => simple('approve', 'case.approved')}>
                    {t('case.approve')}
                  </button>
                  {pauseButton}
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    onClick={() => simple('release', 'case.released')}
                  >
                    {t('case.release')}
                  </button>
                </p>
                <details className="panel">
                  <summary>{t('case.milestone')}</summary>
                  <form
                    className="form"
                    noValidate
                    aria-label={t('case.milestone')}
                    onSubmit={(event) => {
                      event.preventDefault();
                      submitMilestone();
                    }}
                  >
                    <SelectField
                      name="type"
                      label={t('case.milestoneType')}
                      required
                      value={milestone.type}
                      placeholder={t('case.pickMilestone')}
                      options={MILESTONES.map((m) => ({ value: m, label: t(`milestone.${m}`) }))}
                      error={milestoneError.type ? t(milestoneError.type) : fieldErrors['type']}
                      onChange={(event) => setMilestone({ type: event.target.value as Milestone | '' })}
                    />
                    {milestone.type === 'intention' && (
                      <TextField
                        name="intentionAmount"
                        label={t('case.intentionAmount')}
                        hint={t('money.hint')}
                        inputMode="decimal"
                        required
                        value={milestone.amount}
                        error={
                          milestoneError.intentionAmount
                            ? t(milestoneError.intentionAmount)
                            : fieldErrors['intentionAmount']
                        }
                        onChange={(event) => setMilestone({ amount: event.target.value })}
                      />
                    )}
                    <TextAreaField
                      name="note"
                      label={t('case.note')}
                      rows={2}
                      value={milestone.note}
                      error={fieldErrors['note']}
                      onChange={(event) => setMilestone({ note: event.target.value })}
                    />
                    <button type="submit" disabled={busy}>
                      {t('case.recordMilestone')}
                    </button>
                  </form>
                </details>
                {declinePanel}
              </>
            )}
            {(c.status === 'approved' || c.status === 'loan_signed') && mine && (
              <>
                {c.status === 'approved' && <p className="page-actions">{pauseButton}</p>}
                <section aria-labelledby="loans-title">
                  <h3 id="loans-title">{c.status === 'approved' ? t('loans.title') : t('loans.more')}</h3>
                  <LoansForm
                    expectedVersion={version}
                    contracts={loans.contracts}
                    onChange={(contracts) => setLoans({ contracts })}
                    onSubmit={submitLoans}
                    banks={reference.data?.banks ?? []}
                    serverErrors={problem?.errors ?? []}
                    busy={busy}
                  />
                </section>
                {c.status === 'approved' && declinePanel}
              </>
            )}
            {c.status === 'closed' && <p>{t('case.noActions')}</p>}
          </section>

          <section className="panel" aria-labelledby="case-obligations">
            <h2 id="case-obligations">{t('case.obligations')}</h2>
            <ul>
              {c.obligations.map((o) => (
                <li key={`${o.obligation}-${o.openedAt}`}>
                  {t(`obligation.${o.obligation}`)}: {t('countdown.due', { at: dateTime(o.dueAt) })}
                  {o.metAt ? ` · ${t('case.met', { at: dateTime(o.metAt) })}` : ''}
                  {o.cancelledAt ? ` · ${t('case.cancelled')}` : ''}
                </li>
              ))}
            </ul>
          </section>

          {c.loans.length > 0 && (
            <section className="panel" aria-labelledby="case-loans">
              <h2 id="case-loans">{t('case.loans')}</h2>
              <div className="table-wrap" tabIndex={0} role="region" aria-label={t('case.loans')}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('loans.contractNo')}</th>
                      <th scope="col">{t('loans.bank')}</th>
                      <th scope="col">{t('loans.amount')}</th>
                      <th scope="col">{t('loans.rate')}</th>
                      <th scope="col">{t('loans.termMonths')}</th>
                      <th scope="col">{t('loans.signedOn')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.loans.map((loan) => (
                      <tr key={loan.id}>
                        <td>{loan.contractNo}</td>
                        <td>{bankName.get(loan.bankId) ?? loan.bankId}</td>
                        <td className="number" title={exact(loan.amount)}>
                          {exact(loan.amount)}
                        </td>
                        <td className="number">{loan.annualRatePct}%</td>
                        <td className="number">{loan.termMonths}</td>
                        <td>{day(loan.signedOn)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}

          <section className="panel" aria-labelledby="case-timeline">
            <h2 id="case-timeline">{t('case.timeline')}</h2>
            <ol className="timeline">
              {c.timeline.map((event) => {
                const label = eventLabel(event.type);
                return (
                  <li key={event.seq}>
                    <time dateTime={event.at}>{dateTime(event.at)}</time> {label ? t(label) : event.type}
                  </li>
                );
              })}
            </ol>
          </section>
        </>
      )}
    </Page>
  );
}
