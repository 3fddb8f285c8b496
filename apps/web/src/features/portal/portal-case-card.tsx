import { useState, type FormEvent, type ReactNode } from 'react';
import { ChoiceGroup, TextAreaField } from '../../components/fields';
import { Countdown } from '../../components/countdown';
import { ProblemBanner } from '../../components/problem-banner';
import { useApiMutation } from '../../api/use-api-mutation';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';
import { portalData, type PortalCase, type PortalClient } from './portal-client';
import { PortalLoans } from './portal-loans';

const SCORES = ['1', '2', '3', '4', '5'] as const;

/** Where the need stands, in the enterprise's words. */
function statusKey(c: PortalCase): MessageKey {
  return c.outcome === 'declined' ? 'portal.status.declined' : `portal.status.${c.status}`;
}

/**
 * One of the enterprise's needs: where it stands, the bank and its deadline, a decline's reason; the question
 * whether the bank made contact (once a bank took it up), and the rating (once the outcome is known).
 */
export function PortalCaseCard({
  need: c,
  client,
  now,
  invalidates,
}: {
  need: PortalCase;
  client: PortalClient;
  now: number;
  invalidates: readonly (readonly unknown[])[];
}): ReactNode {
  const { t, money } = useI18n();
  const [score, setScore] = useState<(typeof SCORES)[number] | ''>('');
  const [comment, setComment] = useState('');
  const [scoreError, setScoreError] = useState<string | undefined>();
  const path = { params: { header: client.header, path: { id: c.id } } };
  const contact = useApiMutation(
    (contacted: boolean) =>
      portalData(client.api.POST('/api/v1/portal/cases/{id}/contact-confirmation', { ...path, body: { contacted } })),
    invalidates,
  );
  const rate = useApiMutation(
    (body: { score: number; comment?: string }) =>
      portalData(client.api.POST('/api/v1/portal/cases/{id}/rating', { ...path, body })),
    invalidates,
  );
  const submitRating = (event: FormEvent): void => {
    event.preventDefault();
    if (score === '') {
      setScoreError(t('form.required'));
      return;
    }
    setScoreError(undefined);
    rate.mutate({ score: Number(score), ...(comment.trim() ? { comment: comment.trim() } : {}) });
  };
  const titleId = `need-${c.id}`;
  return (
    <section className="panel portal-need" aria-labelledby={titleId} data-testid="portal-need">
      <h3 id={titleId}>
        {t('portal.need', { number: c.number })}
        {c.kind === 'renewal' && <strong className="badge"> {t('renewal.kind.renewal')}</strong>}
      </h3>
      <dl className="facts">
        <dt>{t('portal.statusLabel')}</dt>
        <dd data-testid="portal-status">{t(statusKey(c))}</dd>
        <dt>{t('portal.amount')}</dt>
        <dd>{money(c.requestedAmount)}</dd>
        <dt>{t('portal.purpose')}</dt>
        <dd>{t(`purpose.${c.purpose}`)}</dd>
        <dt>{t('portal.campaign')}</dt>
        <dd>{c.campaignName}</dd>
        <dt>{t('portal.bank')}</dt>
        <dd>{c.bankName ?? t('portal.noBank')}</dd>
        {c.dueAt && c.outcome === null && (
          <>
            <dt>{t('portal.deadline')}</dt>
            <dd>
              <Countdown dueAt={c.dueAt} now={now} paused={false} />
            </dd>
          </>
        )}
      </dl>
      <PortalLoans need={c} client={client} invalidates={invalidates} />
      {c.declineReason && (
        <p data-testid="portal-decline">
          {t('portal.declinedBecause', {
            reason:
              c.declineReason === 'other' && c.declineText
                ? c.declineText
                : (c.declineReasonName ?? t('portal.declineReasonUnknown')),
          })}
        </p>
      )}
      {c.repairPath && c.status === 'repairing' && (
        <p data-testid="portal-repair-path">{t('portal.repairPath', { path: c.repairPath })}</p>
      )}
      {c.unmetCriteria.length > 0 && (
        <p data-testid="portal-unmet">
          {t('portal.unmetCriteria', {
            criteria: c.unmetCriteria.map((k) => t(`screening.criterion.${k}`)).join(t('screening.separator')),
          })}
        </p>
      )}
      {c.contactAnswerable && (
        <div className="portal-question">
          <p>{t('portal.contactQuestion')}</p>
          <ProblemBanner error={contact.error} />
          <div className="button-row">
            <button type="button" disabled={contact.isPending} onClick={() => contact.mutate(true)}>
              {t('portal.contactYes')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={contact.isPending}
              onClick={() => contact.mutate(false)}
            >
              {t('portal.contactNo')}
            </button>
          </div>
        </div>
      )}
      {c.contactConfirmed !== null && (
        <p role="status">{t(c.contactConfirmed ? 'portal.contactConfirmed' : 'portal.contactDisputed')}</p>
      )}
      {c.rateable && (
        <form className="form" onSubmit={submitRating} noValidate aria-label={t('portal.rateTitle')}>
          <h4>{t('portal.rateTitle')}</h4>
          <ProblemBanner error={rate.error} />
          <ChoiceGroup
            name={`score-${c.id}`}
            type="radio"
            label={t('portal.score')}
            required
            selected={score === '' ? [] : [score]}
            options={SCORES.map((s) => ({ value: s, label: t('portal.scoreValue', { score: s }) }))}
            error={scoreError}
            onChange={(values) => setScore(values[0] ?? '')}
          />
          <TextAreaField
            name={`comment-${c.id}`}
            label={t('portal.comment')}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
          <button type="submit" disabled={rate.isPending}>
            {t('portal.rate')}
          </button>
        </form>
      )}
      {c.score !== null && <p role="status">{t('portal.rated', { score: c.score })}</p>}
      {c.score !== null && c.comment && <p>{t('portal.ratedComment', { comment: c.comment })}</p>}
    </section>
  );
}
