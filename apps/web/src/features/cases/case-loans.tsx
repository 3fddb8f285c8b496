import { useState, type ReactNode } from 'react';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { CaseDetail } from '../../api/types';
import { useApiMutation } from '../../api/use-api-mutation';
import { Link } from '../../app/router';
import { useAuth } from '../../auth/auth';
import { ProblemBanner, Notice } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { todayInShanghai } from '../../lib/dates';
import { RenewalForm, type RenewalBody } from './renewal-form';
import { nameOf } from '../../reference/names';
import { useOrganizations } from '../../reference/reference-lists';

/** What a contract records of the loan, in words: first loan, security, renewal, policy instruments. */
function LoanOutcome({ loan }: { loan: CaseDetail['loans'][number] }): ReactNode {
  const { t } = useI18n();
  const words = [
    loan.firstLoan ? t('loanOutcome.first') : loan.firstLoanDeclared ? t('loanOutcome.declaredNotFirst') : null,
    loan.security === null ? null : t(`loanOutcome.security.${loan.security}`),
    loan.security === 'guarantee'
      ? t('loanOutcome.guaranteedBy', {
          name: loan.guaranteeInstitutionName ?? '',
          rate: loan.guaranteeFeeRatePct ?? '',
        })
      : null,
    loan.renewal === 'none' ? null : t(`loanOutcome.renewal.${loan.renewal}`),
    ...loan.policyInstruments.map((p) => t(`loanOutcome.instrument.${p}`)),
  ].filter((w): w is string => w !== null);
  return words.length === 0 ? t('loanOutcome.notRecorded') : words.join(t('loanOutcome.separator'));
}

/**
 * The loan contracts signed for the case (by one bank or several serving it together), each with the renewal
 * applied for on it; staff who may (`canApply`) apply for a renewal of one not yet matured. Nothing when none.
 */
export function CaseLoans({
  loans,
  canApply = false,
  caseHref,
}: {
  loans: CaseDetail['loans'];
  canApply?: boolean;
  caseHref: (id: string) => string;
}): ReactNode {
  const { t, exact, day } = useI18n();
  const { api } = useAuth();
  const organizations = useOrganizations();
  const [applying, setApplying] = useState<CaseDetail['loans'][number] | undefined>();
  const apply = useApiMutation(
    ({ contractId, body }: { contractId: string; body: RenewalBody }) =>
      unwrap(api.POST('/api/v1/contracts/{id}/renewal', { params: { path: { id: contractId } }, body })),
    [queryKeys.cases.all, queryKeys.maturing.all],
  );
  const today = todayInShanghai();
  if (loans.length === 0) return null;
  return (
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
              <th scope="col">{t('loanOutcome.maturesOn')}</th>
              <th scope="col">{t('loanOutcome.outcome')}</th>
              <th scope="col">{t('renewal.title')}</th>
            </tr>
          </thead>
          <tbody>
            {loans.map((loan) => (
              <tr key={loan.id}>
                <td>{loan.contractNo}</td>
                <td>{nameOf(organizations.data, loan.bankId)}</td>
                <td className="number" title={exact(loan.amount)}>
                  {exact(loan.amount)}
                </td>
                <td className="number">{loan.annualRatePct}%</td>
                <td className="number">{loan.termMonths}</td>
                <td>{day(loan.signedOn)}</td>
                <td>{loan.maturesOn ? day(loan.maturesOn) : t('loanOutcome.notRecorded')}</td>
                <td>
                  <LoanOutcome loan={loan} />
                </td>
                <td>
                  {loan.renewalCase ? (
                    <Link to={caseHref(loan.renewalCase.id)}>
                      {t('renewal.appliedCase', { number: loan.renewalCase.number })}
                    </Link>
                  ) : canApply && loan.maturesOn !== null && loan.maturesOn >= today ? (
                    <button type="button" className="secondary" onClick={() => setApplying(loan)}>
                      {t('renewal.apply')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ProblemBanner error={apply.error} onDismiss={apply.reset} />
      {apply.data && <Notice kind="success">{t('renewal.done', { number: apply.data.number })}</Notice>}
      {applying && (
        <RenewalForm
          contractNo={applying.contractNo}
          busy={apply.isPending}
          onCancel={() => setApplying(undefined)}
          onSubmit={(body) =>
            apply.mutate({ contractId: applying.id, body }, { onSuccess: () => setApplying(undefined) })
          }
        />
      )}
    </section>
  );
}
