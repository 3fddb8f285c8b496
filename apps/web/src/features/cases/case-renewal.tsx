import type { ReactNode } from 'react';
import type { CaseDetail } from '../../api/types';
import { Link } from '../../app/router';
import { useI18n } from '../../i18n/i18n';

/**
 * A renewal case (续贷): the renewal it asks for and the contract it renews (its bank, amount and maturity, and
 * the case it was signed on); nothing for a need.
 */
export function CaseRenewal({
  detail: c,
  caseHref,
}: {
  detail: CaseDetail;
  caseHref: (id: string) => string;
}): ReactNode {
  const { t, money, day } = useI18n();
  const renewed = c.renewalOf;
  if (c.kind !== 'renewal' || renewed === null) return null;
  return (
    <section className="panel" aria-labelledby="case-renewal" data-testid="case-renewal">
      <h2 id="case-renewal">
        {t('renewal.title')}{' '}
        {c.requestedRenewal && <strong className="badge">{t(`renewal.requested.${c.requestedRenewal}`)}</strong>}
      </h2>
      <p>
        {t('renewal.renews', {
          contractNo: renewed.contractNo,
          bank: renewed.bankName,
          amount: money(renewed.amount),
          maturesOn: renewed.maturesOn ? day(renewed.maturesOn) : t('portal.noMaturity'),
        })}
      </p>
      <p className="hint">{t('renewal.dueByMaturity')}</p>
      <p>
        <Link to={caseHref(renewed.caseId)}>{t('renewal.originalCase', { number: renewed.caseNumber })}</Link>
      </p>
    </section>
  );
}
