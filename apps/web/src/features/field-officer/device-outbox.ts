import { unwrap, type ApiClient } from '../../api/client';
import { ApiProblem, NetworkError, SessionExpired } from '../../api/problem';
import type { Case, RecordedVisit } from '../../api/types';
import { readJson, writeJson } from '../../lib/storage';
import {
  entriesFromStorage,
  isRefusal,
  needRequest,
  needState,
  rejectionOf,
  sendOrder,
  visitRecorded,
  withoutEntry,
  type OutboxEntry,
  type QueuedNeed,
  type QueuedVisit,
} from './outbox-entries';

export type SendResult =
  | { clientRef: string; outcome: 'sent'; type: 'visit'; visit: RecordedVisit }
  | { clientRef: string; outcome: 'sent'; type: 'need'; created: Case }
  | { clientRef: string; outcome: 'rejected'; problem: ApiProblem };

type NewEntry<T extends OutboxEntry> = Omit<T, 'attempts' | 'type' | 'rejected'>;

const MAX_BACKOFF_MS = 60_000;

/**
 * The outbox of this device: every visit and every need is written here first (localStorage, per user),
 * then sent, in the order written, a need after the visit it was diagnosed from. Poor signal is normal in
 * the field: a send that gets no answer stays queued and is retried on the `online` event and with backoff.
 * A visit's `clientRef` makes a retry of a visit the API did record answer that visit (200); a need's is its
 * `Idempotency-Key`, so a retry answers the case already opened. A need written for a visit still on the
 * device takes the visit's id from the API's answer to it.
 */
export class DeviceOutbox {
  private entries: OutboxEntry[];
  /** The visits this outbox sent since it started, by `clientRef`: a need written for one just sent names its id. */
  private readonly recorded = new Map<string, string>();
  private sending: Promise<SendResult[]> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private backoffMs = 2_000;
  private readonly listeners = new Set<() => void>();
  private readonly onOnline = (): void => void this.flush();

  /** `onSent` runs after a flush that sent at least one entry (the views listing visits and needs read again). */
  constructor(
    private readonly api: ApiClient,
    private readonly storageKey: string,
    private readonly onSent: () => void = () => undefined,
  ) {
    this.entries = entriesFromStorage(readJson<unknown>(localStorage, storageKey));
  }

  start(): void {
    window.addEventListener('online', this.onOnline);
    if (sendOrder(this.entries).length > 0) void this.flush();
  }

  stop(): void {
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.timer);
  }

  get all(): readonly OutboxEntry[] {
    return this.entries;
  }

  get isSending(): boolean {
    return this.sending !== undefined;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  addVisit(entry: NewEntry<QueuedVisit>): void {
    this.save([...this.entries, { ...entry, type: 'visit', attempts: 0 }]);
  }

  /** A need for a visit recorded by the API, or for one still on this device (sent after it). */
  addNeed(entry: NewEntry<QueuedNeed>): void {
    const recordedId = 'clientRef' in entry.visit ? this.recorded.get(entry.visit.clientRef) : undefined;
    const visit = recordedId === undefined ? entry.visit : { id: recordedId };
    this.save([...this.entries, { ...entry, visit, type: 'need', attempts: 0 }]);
  }

  /** Drops an entry; a visit goes with the needs written for it. */
  discard(clientRef: string): void {
    this.save(withoutEntry(this.entries, clientRef));
  }

  /**
   * Sends what waits, in order. Flushes run one after another: one asked for while another runs starts
   * when it ends, so it sends what was written meanwhile.
   */
  flush(): Promise<SendResult[]> {
    const previous = this.sending ?? Promise.resolve([]);
    const run: Promise<SendResult[]> = previous
      .catch(() => [])
      .then(() => this.sendAll())
      .then((results) => {
        if (results.some((result) => result.outcome === 'sent')) this.onSent();
        return results;
      })
      .finally(() => {
        if (this.sending === run) this.sending = undefined;
        this.notify();
      });
    this.sending = run;
    this.notify();
    return run;
  }

  private async sendAll(): Promise<SendResult[]> {
    clearTimeout(this.timer);
    const results: SendResult[] = [];
    for (const { clientRef } of sendOrder(this.entries)) {
      // Read again: an earlier send of this flush may have resolved its visit, or refused it.
      const entry = this.entries.find((e) => e.clientRef === clientRef);
      if (entry === undefined || entry.rejected !== undefined) continue;
      const state = entry.type === 'need' ? needState(entry, this.entries) : undefined;
      if (state !== undefined && state.state !== 'ready') continue;
      this.update(clientRef, { attempts: entry.attempts + 1 });
      try {
        if (entry.type === 'visit') {
          const visit = await unwrap(this.api.POST('/api/v1/visits', { body: entry.body }));
          this.recorded.set(clientRef, visit.id);
          this.save(visitRecorded(this.entries, clientRef, visit.id));
          results.push({ clientRef, outcome: 'sent', type: 'visit', visit });
        } else if (state?.state === 'ready') {
          const { body, idempotencyKey } = needRequest(entry, state.visitId);
          const created = await unwrap(
            this.api.POST('/api/v1/cases', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
          );
          this.save(withoutEntry(this.entries, clientRef));
          results.push({ clientRef, outcome: 'sent', type: 'need', created });
        }
      } catch (error: unknown) {
        if (isRefusal(error)) {
          this.update(clientRef, { rejected: rejectionOf(error) });
          results.push({ clientRef, outcome: 'rejected', problem: error });
          continue;
        }
        // No answer, a server error, or the session ended: keep everything for later, in order.
        if (!(error instanceof SessionExpired)) this.retryLater();
        if (!(error instanceof NetworkError || error instanceof ApiProblem || error instanceof SessionExpired)) {
          throw error;
        }
        return results;
      }
    }
    this.backoffMs = 2_000;
    return results;
  }

  private retryLater(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.backoffMs);
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
  }

  private update(clientRef: string, patch: Partial<Pick<OutboxEntry, 'attempts' | 'rejected'>>): void {
    this.save(this.entries.map((e) => (e.clientRef === clientRef ? { ...e, ...patch } : e)));
  }

  private save(entries: OutboxEntry[]): void {
    this.entries = entries;
    writeJson(localStorage, this.storageKey, entries.length > 0 ? entries : undefined);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
