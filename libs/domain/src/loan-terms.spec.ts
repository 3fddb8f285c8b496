import { GUARANTEE_FEE_RATE_PATTERN, loanTermsProblem } from './loan-terms';

describe('loan terms', () => {
  it('names the field of the first rule a contract breaks', () => {
    const signedOn = '2026-06-05';
    expect(loanTermsProblem({ signedOn })).toBeNull();
    expect(loanTermsProblem({ signedOn, maturesOn: '2026-06-05' })?.field).toBe('maturesOn');
    expect(loanTermsProblem({ signedOn, maturesOn: '2026-06-06' })).toBeNull();
    expect(loanTermsProblem({ signedOn, security: 'guarantee' })?.field).toBe('guaranteeInstitutionId');
    expect(loanTermsProblem({ signedOn, security: 'guarantee', guaranteeInstitutionId: 'g' })?.field).toBe(
      'guaranteeFeeRatePct',
    );
    expect(
      loanTermsProblem({ signedOn, security: 'guarantee', guaranteeInstitutionId: 'g', guaranteeFeeRatePct: '1' }),
    ).toBeNull();
    expect(loanTermsProblem({ signedOn, security: 'credit', guaranteeInstitutionId: 'g' })?.field).toBe(
      'guaranteeInstitutionId',
    );
    expect(loanTermsProblem({ signedOn, guaranteeFeeRatePct: '1' })?.field).toBe('guaranteeFeeRatePct');
  });

  it('takes guarantee fee rates from 0 to 10 with at most three decimals', () => {
    for (const ok of ['0', '0.5', '1.000', '9.999', '10', '10.000'])
      expect(GUARANTEE_FEE_RATE_PATTERN.test(ok)).toBe(true);
    for (const bad of ['', '-1', '10.001', '11', '0.1234', '1.', '.5', '1e1']) {
      expect(GUARANTEE_FEE_RATE_PATTERN.test(bad)).toBe(false);
    }
  });
});
