import type { CaseStatus } from '../../api/types';
import { funnelSteps } from './report-figures';

describe('the dashboard funnel', () => {
  it('counts enterprises visited, needs, and the needs that reached matched, credit approved, loan signed: no amount', () => {
    const casesByStatus: Record<CaseStatus, number> = {
      diagnosed: 1,
      assigned: 3,
      claimed: 4,
      approved: 2,
      loan_signed: 3,
      closed: 1,
      submitted: 0,
      screened_out: 0,
      repairing: 0,
    };
    const summary = {
      enterprisesVisited: 60,
      needsDiagnosed: 25,
      casesByStatus,
      intentionAmount: '54500000.00',
      signedAmount: '39000000.00',
      // Needs that reached each stage, whatever their status now: a closed need was matched before.
      funnel: { claimed: 10, approved: 6, signed: 3, declined: 2, declinesByReason: [], repaired: 0 },
    };
    expect(funnelSteps(summary)).toEqual([
      { step: 'visited', count: 60 },
      { step: 'needs', count: 25 },
      { step: 'matched', count: 10 },
      { step: 'approved', count: 6 },
      { step: 'signed', count: 3 },
    ]);
  });

  it('puts the needs submitted (申报清单) and recommended (推荐清单) between needs and matched where needs were screened', () => {
    const casesByStatus: Record<CaseStatus, number> = {
      diagnosed: 0,
      submitted: 2,
      assigned: 3,
      claimed: 0,
      approved: 0,
      loan_signed: 0,
      closed: 0,
      screened_out: 1,
      repairing: 0,
    };
    const summary = {
      enterprisesVisited: 10,
      needsDiagnosed: 6,
      casesByStatus,
      screening: { submitted: 6, recommended: 3, screenedOut: 1 },
      funnel: { claimed: 0, approved: 0, signed: 0, declined: 0, declinesByReason: [], repaired: 0 },
    };
    expect(funnelSteps(summary).map((s) => [s.step, s.count])).toEqual([
      ['visited', 10],
      ['needs', 6],
      ['submitted', 6],
      ['recommended', 3],
      ['matched', 0],
      ['approved', 0],
      ['signed', 0],
    ]);
  });
});
