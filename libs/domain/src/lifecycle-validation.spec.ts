import { CASE_TRANSITIONS, type CaseTransition } from './case-lifecycle';
import { lifecycleProblems } from './lifecycle-validation';

describe('the lifecycle table check', () => {
  it('finds the shipped table sound', () => {
    expect(lifecycleProblems()).toEqual([]);
  });

  it('names a status no transition reaches', () => {
    const table = CASE_TRANSITIONS.filter((t) => t.action !== 'sign');
    expect(lifecycleProblems(table)).toEqual(['sign: no transition', 'loan_signed: unreachable']);
  });

  it('names an unknown role, status and action', () => {
    const odd = { from: ['assigned'], action: 'claim', to: 'limbo', who: ['janitor'] } as unknown as CaseTransition;
    const problems = lifecycleProblems([...CASE_TRANSITIONS, odd]);
    expect(problems).toContain('claim: unknown status limbo');
    expect(problems).toContain('claim: unknown role janitor');
  });

  it('names an action that leads two ways from one status for one role', () => {
    const twice: CaseTransition = { from: ['claimed'], action: 'approve', to: 'closed', who: ['bank_manager'] };
    expect(lifecycleProblems([...CASE_TRANSITIONS, twice])).toEqual(['approve from claimed by bank_manager: two ways']);
  });
});
