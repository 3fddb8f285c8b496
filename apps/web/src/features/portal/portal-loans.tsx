import { useState, type ReactNode } from 'react';
import { useApiMutation } from '../../api/use-api-mutation';
import { Notice, ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { newUuid } from '../../lib/uuid';
import { RenewalForm, type RenewalBody } from '../cases/renewal-form';
import { portalData, type PortalCase, type PortalClient } from './portal-client';

/**
 * The loans signed on one of the enterprise's needs: bank, amount and maturity, the renewal applied for, and
 * the application for a renewal (续贷, or 无还本续贷) of one not yet matured. Each application carries an
 * `Idempotency-Key`, so a retry after a lost answer applies once.
 */
export function PortalLoans({
  need,
  client,
  invalidates,
}: {
  need: PortalCase;
  client: PortalClient;
  invalidates: readonly (readonly unknown[])[];
}): ReactNode {
  const { t, money, day } = useI18n();
  const [applying, setApplying] = useState<PortalCase['loans'][number] | undefined>();
  const [retryKey, setRetryKey] = useState(() => newUuid());
  const apply = useApiMutation(
    ({ contractId, body }: { contractId: string; body: RenewalBody }) =>
      portalData(
        client.api.POST('/api/v1/portal/contracts/{id}/renewal', {
          params: { header: { ...client.header, 'Idempotency-Key': retryKey }, path: { id: contractId } },
          body,
        }),
      ),
    invalidates,
  );
  if (need.loans.length === 0) return null;
  return (
    <div data-testid="portal-loans">
      <h4>{t('portal.loans')}</h4>
      <ul className="card-list">
        {need.loans.map((loan) => (
          <li key={loan.id} className="card">
            <p>
              {t('portal.loanLine', { contractNo: loan.contractNo, bank: loan.bankName, amount: money(loan.amount) })}
            </p>
            <p className="summary">
              {loan.maturesOn ? t('portal.maturesOn', { date: day(loan.maturesOn) }) : t('portal.noMaturity')}
            </p>
            {loan.renewalCaseNumber && (
              <p>
                <strong className="badge">{t('portal.renewalApplied', { number: loan.renewalCaseNumber })}</strong>
              </p>
            )}
            {loan.renewable && applying?.id !== loan.id && (
              <button type="button" onClick={() => setApplying(loan)}>
                {t('renewal.apply')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <ProblemBanner error={apply.error} onDismiss={apply.reset} />
      {apply.data && <Notice kind="success">{t('renewal.done', { number: apply.data.number })}</Notice>}
      {applying && (
        <RenewalForm
          contractNo={applying.contractNo}
          busy={apply.isPending}
          onCancel={() => setApplying(undefined)}
          onSubmit={(body) =>
            apply.mutate(
              { contractId: applying.id, body },
              {
                onSuccess: () => {
                  setApplying(undefined);
                  setRetryKey(newUuid());
                },
              },
            )
          }
        />
      )}
    </div>
  );
}
