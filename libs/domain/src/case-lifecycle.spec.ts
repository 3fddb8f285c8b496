import { CASE_STATUSES } from './case';
import { CASE_ACTIONS, CASE_TRANSITIONS, checkSystemTransition, checkTransition, rolesFor } from './case-lifecycle';

describe('case lifecycle', () => {
  it('follows the design: route, claim, approve, sign', () => {
    expect(checkTransition('diagnosed', 'route', 'field_officer')).toEqual({ ok: true, to: 'assigned' });
    expect(checkTransition('assigned', 'claim', 'bank_manager')).toEqual({ ok: true, to: 'claimed' });
    expect(checkTransition('claimed', 'approve', 'bank_manager')).toEqual({ ok: true, to: 'approved' });
    expect(checkTransition('approved', 'sign', 'bank_manager')).toEqual({ ok: true, to: 'loan_signed' });
    expect(checkTransition('loan_signed', 'sign', 'bank_manager')).toEqual({ ok: true, to: 'loan_signed' });
  });

  it('sends a decline to the next tier (assigned) from assigned, claimed and approved', () => {
    for (const status of ['assigned', 'claimed', 'approved'] as const) {
      expect(checkTransition(status, 'decline', 'bank_manager')).toEqual({ ok: true, to: 'assigned' });
    }
    expect(checkTransition('loan_signed', 'decline', 'bank_manager')).toEqual({ ok: false, reason: 'illegal' });
  });

  it('keeps the status on milestones, pause, resume, extend and notes', () => {
    expect(checkTransition('claimed', 'milestone', 'bank_manager')).toEqual({ ok: true, to: 'claimed' });
    expect(checkTransition('approved', 'pause', 'bank_manager')).toEqual({ ok: true, to: 'approved' });
    expect(checkTransition('claimed', 'extend', 'supervisor')).toEqual({ ok: true, to: 'claimed' });
    expect(checkTransition('closed', 'note', 'field_officer')).toEqual({ ok: true, to: 'closed' });
  });

  it('answers forbidden for a role that never may, illegal for a status it may not from', () => {
    expect(checkTransition('assigned', 'claim', 'field_officer')).toEqual({ ok: false, reason: 'forbidden' });
    expect(checkTransition('assigned', 'reassign', 'bank_manager')).toEqual({ ok: false, reason: 'forbidden' });
    expect(checkTransition('claimed', 'claim', 'bank_manager')).toEqual({ ok: false, reason: 'illegal' });
    expect(checkTransition('diagnosed', 'claim', 'bank_manager')).toEqual({ ok: false, reason: 'illegal' });
  });

  it('lets nothing but notes leave a terminal status', () => {
    for (const action of CASE_ACTIONS.filter((a) => a !== 'note' && a !== 'sign' && a !== 'claim_timeout')) {
      for (const role of rolesFor(action)) {
        expect(checkTransition('closed', action, role).ok).toBe(false);
        expect(checkTransition('loan_signed', action, role).ok).toBe(false);
      }
    }
  });

  it('keeps claim_timeout to the system', () => {
    for (const role of ['admin', 'field_officer', 'bank_manager', 'supervisor'] as const) {
      expect(checkTransition('assigned', 'claim_timeout', role)).toEqual({ ok: false, reason: 'forbidden' });
    }
    expect(checkSystemTransition('assigned', 'claim_timeout')).toEqual({ ok: true, to: 'assigned' });
    expect(checkSystemTransition('claimed', 'claim_timeout')).toEqual({ ok: false, reason: 'illegal' });
    expect(checkSystemTransition('diagnosed', 'route')).toEqual({ ok: true, to: 'assigned' });
  });

  it('screens a submitted need: the system submits it, supervisors recommend it (to a bank) or screen it out', () => {
    expect(checkSystemTransition('diagnosed', 'submit')).toEqual({ ok: true, to: 'submitted' });
    expect(checkTransition('diagnosed', 'submit', 'supervisor')).toEqual({ ok: false, reason: 'forbidden' });
    expect(checkTransition('submitted', 'recommend', 'supervisor')).toEqual({ ok: true, to: 'assigned' });
    expect(checkTransition('submitted', 'screen_out', 'supervisor')).toEqual({ ok: true, to: 'screened_out' });
    for (const role of ['field_officer', 'bank_manager'] as const) {
      expect(checkTransition('submitted', 'recommend', role)).toEqual({ ok: false, reason: 'forbidden' });
    }
    expect(checkTransition('assigned', 'recommend', 'supervisor')).toEqual({ ok: false, reason: 'illegal' });
    // A submitted need is not at a bank: nobody claims, declines or reassigns it; it may be closed.
    expect(checkTransition('submitted', 'claim', 'bank_manager')).toEqual({ ok: false, reason: 'illegal' });
    expect(checkTransition('submitted', 'reassign', 'supervisor')).toEqual({ ok: false, reason: 'illegal' });
    expect(checkTransition('submitted', 'close', 'supervisor')).toEqual({ ok: true, to: 'closed' });
    // Screened out is terminal: notes only.
    for (const action of CASE_ACTIONS.filter((a) => a !== 'note')) {
      for (const role of rolesFor(action)) expect(checkTransition('screened_out', action, role).ok).toBe(false);
      expect(checkSystemTransition('screened_out', action).ok).toBe(false);
    }
  });

  it('covers every action, and every status leads somewhere or is terminal', () => {
    expect(new Set(CASE_TRANSITIONS.map((t) => t.action))).toEqual(new Set(CASE_ACTIONS));
    for (const status of CASE_STATUSES) {
      expect(CASE_TRANSITIONS.some((t) => t.from.includes(status))).toBe(true);
    }
  });
});
