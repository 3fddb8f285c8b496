import { CASE_STATUSES, type CaseStatus } from './case';
import { CASE_ACTIONS, CASE_TRANSITIONS, type CaseTransition } from './case-lifecycle';
import { ROLES } from './roles';

/** The statuses a case is born in. */
export const INITIAL_STATUSES: readonly CaseStatus[] = ['diagnosed'];

/**
 * What is wrong with a transitions table, in words (none: it is sound): every status named is known and
 * reachable from a status a case is born in; every action has a transition, and every role named is
 * known; no action leads two ways from one status for one role.
 */
export function lifecycleProblems(
  transitions: readonly CaseTransition[] = CASE_TRANSITIONS,
  statuses: readonly string[] = CASE_STATUSES,
  actions: readonly string[] = CASE_ACTIONS,
  roles: readonly string[] = ROLES,
  initial: readonly string[] = INITIAL_STATUSES,
): string[] {
  const problems: string[] = [];
  for (const t of transitions) {
    for (const from of t.from) if (!statuses.includes(from)) problems.push(`${t.action}: unknown status ${from}`);
    if (t.to !== 'unchanged' && !statuses.includes(t.to)) problems.push(`${t.action}: unknown status ${t.to}`);
    if (!actions.includes(t.action)) problems.push(`unknown action ${t.action}`);
    for (const role of t.who) if (!roles.includes(role)) problems.push(`${t.action}: unknown role ${role}`);
  }
  for (const action of actions) {
    if (!transitions.some((t) => t.action === action)) problems.push(`${action}: no transition`);
  }
  for (const [i, a] of transitions.entries()) {
    for (const b of transitions.slice(i + 1)) {
      if (a.action !== b.action) continue;
      const status = a.from.find((s) => b.from.includes(s));
      const who = a.who.length === 0 && b.who.length === 0 ? 'the system' : a.who.find((r) => b.who.includes(r));
      if (status !== undefined && who !== undefined) problems.push(`${a.action} from ${status} by ${who}: two ways`);
    }
  }
  const reached = new Set<string>(initial);
  for (let grew = true; grew;) {
    grew = false;
    for (const t of transitions) {
      if (t.to === 'unchanged' || reached.has(t.to) || !t.from.some((s) => reached.has(s))) continue;
      reached.add(t.to);
      grew = true;
    }
  }
  for (const status of statuses) if (!reached.has(status)) problems.push(`${status}: unreachable`);
  return problems;
}

/** Stops the app at boot when the transitions table is unsound. */
export function assertValidLifecycle(): void {
  const problems = lifecycleProblems();
  if (problems.length > 0) throw new Error(`the case lifecycle table is unsound: ${problems.join('; ')}`);
}
