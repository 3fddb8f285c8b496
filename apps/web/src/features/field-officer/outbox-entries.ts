import { ApiProblem } from '../../api/problem';
import type { DiagnoseBody, RecordVisitBody } from '../../api/types';

/** Why the API refused an entry (a 4xx): it stays listed, with the reason, until discarded. */
export interface Rejection {
  status: number;
  message: string;
  fieldErrors: Record<string, string>;
}

interface Written {
  /** Made on the device when the entry was written, and the idempotency of its POST: a resend answers the first. */
  clientRef: string;
  /** For the "waiting to send" list. */
  enterpriseName: string;
  writtenAt: string;
  attempts: number;
  rejected?: Rejection;
}

/** A visit written on this device and not yet acknowledged by the API; its `clientRef` is the body's. */
export interface QueuedVisit extends Written {
  type: 'visit';
  body: RecordVisitBody & { clientRef: string };
}

/** The visit a need is diagnosed from: recorded by the API (`id`), or still waiting on this device (`clientRef`). */
export type VisitRef = { id: string } | { clientRef: string };

/** What a diagnosis says, without the visit it is for: `POST /cases` without `visitId`. */
export type NeedBody = Omit<DiagnoseBody, 'visitId'>;

/**
 * A need diagnosed on this device and not yet acknowledged by the API. Its `clientRef` is sent as the
 * `Idempotency-Key` of `POST /cases`, so a resend after a lost answer opens no second case.
 */
export interface QueuedNeed extends Written {
  type: 'need';
  body: NeedBody;
  visit: VisitRef;
}

export type OutboxEntry = QueuedVisit | QueuedNeed;

/** Where a need stands with its visit: sendable, behind its visit on this device, or stuck (its visit refused). */
export type NeedState = { state: 'ready'; visitId: string } | { state: 'waiting' } | { state: 'blocked' };

/**
 * The entries kept in localStorage. Entries written before needs joined the outbox are visits without a
 * `type`; anything else unreadable is dropped.
 */
export function entriesFromStorage(stored: unknown): OutboxEntry[] {
  if (!Array.isArray(stored)) return [];
  const entries: OutboxEntry[] = [];
  for (const item of stored as Partial<OutboxEntry>[]) {
    if (typeof item !== 'object' || item === null || typeof item.clientRef !== 'string') continue;
    if (item.type === 'need' && 'visit' in item && typeof item.visit === 'object') entries.push(item as QueuedNeed);
    else if (item.type === undefined || item.type === 'visit')
      entries.push({ ...(item as QueuedVisit), type: 'visit' });
  }
  return entries;
}

export function needState(need: QueuedNeed, entries: readonly OutboxEntry[]): NeedState {
  if ('id' in need.visit) return { state: 'ready', visitId: need.visit.id };
  const { clientRef } = need.visit;
  const visit = entries.find((e) => e.type === 'visit' && e.clientRef === clientRef);
  return visit === undefined || visit.rejected !== undefined ? { state: 'blocked' } : { state: 'waiting' };
}

/**
 * What a flush sends, in order: the entries the API has not refused, as written, each need after the visit
 * it waits for. A need whose visit was refused (or is gone) is left out: it cannot be sent.
 */
export function sendOrder(entries: readonly OutboxEntry[]): OutboxEntry[] {
  const order: OutboxEntry[] = [];
  const behind = new Map<string, QueuedNeed[]>();
  const queued = new Set<string>();
  for (const entry of entries) {
    if (entry.rejected !== undefined) continue;
    if (entry.type === 'visit') {
      order.push(entry, ...(behind.get(entry.clientRef) ?? []));
      queued.add(entry.clientRef);
      behind.delete(entry.clientRef);
      continue;
    }
    const state = needState(entry, entries);
    if (state.state === 'blocked') continue;
    const waitsFor = 'clientRef' in entry.visit ? entry.visit.clientRef : undefined;
    if (waitsFor === undefined || queued.has(waitsFor)) order.push(entry);
    else behind.set(waitsFor, [...(behind.get(waitsFor) ?? []), entry]);
  }
  return order;
}

/** After the API recorded a visit: it leaves the outbox, and the needs written for it name its id from then on. */
export function visitRecorded(entries: readonly OutboxEntry[], clientRef: string, visitId: string): OutboxEntry[] {
  return entries
    .filter((e) => !(e.type === 'visit' && e.clientRef === clientRef))
    .map((e) =>
      e.type === 'need' && 'clientRef' in e.visit && e.visit.clientRef === clientRef
        ? { ...e, visit: { id: visitId } }
        : e,
    );
}

/** Without an entry; a visit goes with the needs that wait for it (they could never be sent). */
export function withoutEntry(entries: readonly OutboxEntry[], clientRef: string): OutboxEntry[] {
  return entries.filter(
    (e) =>
      e.clientRef !== clientRef && !(e.type === 'need' && 'clientRef' in e.visit && e.visit.clientRef === clientRef),
  );
}

/** A diagnosis as its form gives it, without the visit: the outbox names the visit when it sends the need. */
export function needBodyOf(body: DiagnoseBody): NeedBody {
  const need: NeedBody & Partial<Pick<DiagnoseBody, 'visitId'>> = { ...body };
  delete need.visitId;
  return need;
}

/** The request of a need once its visit is known: the same body and key on every resend. */
export function needRequest(need: QueuedNeed, visitId: string): { body: DiagnoseBody; idempotencyKey: string } {
  return { body: { visitId, ...need.body }, idempotencyKey: need.clientRef };
}

/**
 * A refusal of the entry as written (a 4xx), to list with its reason. Not one: too many requests (429),
 * and a 409 on the `Idempotency-Key` (the first send of this key is still running): those are sent again.
 */
export function isRefusal(error: unknown): error is ApiProblem {
  if (!(error instanceof ApiProblem) || error.status < 400 || error.status >= 500 || error.status === 429) return false;
  return !(error.status === 409 && error.errors.some((e) => e.field === 'Idempotency-Key'));
}

export function rejectionOf(problem: ApiProblem): Rejection {
  return { status: problem.status, message: problem.detail || problem.title, fieldErrors: problem.fieldErrors() };
}
