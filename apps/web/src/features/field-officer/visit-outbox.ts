import { unwrap, type ApiClient } from '../../api/client';
import { ApiProblem, NetworkError, SessionExpired } from '../../api/problem';
import type { RecordedVisit, RecordVisitBody } from '../../api/types';
import { readJson, writeJson } from '../../lib/storage';

/** A visit written on this device and not yet acknowledged by the API. */
export interface QueuedVisit {
  /** The idempotency key, made when the visit was written: a resend answers the same visit. */
  clientRef: string;
  body: RecordVisitBody & { clientRef: string };
  /** For the "waiting to send" list. */
  enterpriseName: string;
  writtenAt: string;
  attempts: number;
  /** The API refused it (a 4xx): it stays listed, with the reason, until discarded. */
  rejected?: { status: number; message: string; fieldErrors: Record<string, string> };
}

export type SendResult =
  | { clientRef: string; outcome: 'sent'; visit: RecordedVisit }
  | { clientRef: string; outcome: 'rejected'; problem: ApiProblem };

const MAX_BACKOFF_MS = 60_000;

/**
 * The outbox of visits: every visit is written here first (localStorage, per user), then sent. Poor
 * signal is normal in the field: a send that gets no answer stays queued and is retried on the `online`
 * event and with backoff; the `clientRef` makes a retry of a visit the API did record answer that visit
 * (200) rather than record it twice.
 */
export class VisitOutbox {
  private entries: QueuedVisit[];
  private sending: Promise<SendResult[]> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private backoffMs = 2_000;
  private readonly listeners = new Set<() => void>();
  private readonly onOnline = (): void => void this.flush();

  /** `onSent` runs after a flush that sent at least one visit (the views listing visits read again). */
  constructor(
    private readonly api: ApiClient,
    private readonly storageKey: string,
    private readonly onSent: () => void = () => undefined,
  ) {
    this.entries = readJson<QueuedVisit[]>(localStorage, storageKey) ?? [];
  }

  start(): void {
    window.addEventListener('online', this.onOnline);
    if (this.pending().length > 0) void this.flush();
  }

  stop(): void {
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.timer);
  }

  get all(): readonly QueuedVisit[] {
    return this.entries;
  }

  get isSending(): boolean {
    return this.sending !== undefined;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  add(entry: Omit<QueuedVisit, 'attempts'>): void {
    this.save([...this.entries, { ...entry, attempts: 0 }]);
  }

  discard(clientRef: string): void {
    this.save(this.entries.filter((e) => e.clientRef !== clientRef));
  }

  /** Sends what waits, in order; one flush at a time (a second caller shares it). */
  flush(): Promise<SendResult[]> {
    this.sending ??= this.sendAll()
      .then((results) => {
        if (results.some((result) => result.outcome === 'sent')) this.onSent();
        return results;
      })
      .finally(() => {
        this.sending = undefined;
        this.notify();
      });
    this.notify();
    return this.sending;
  }

  private pending(): QueuedVisit[] {
    return this.entries.filter((e) => e.rejected === undefined);
  }

  private async sendAll(): Promise<SendResult[]> {
    clearTimeout(this.timer);
    const results: SendResult[] = [];
    for (const entry of this.pending()) {
      this.update(entry.clientRef, { attempts: entry.attempts + 1 });
      try {
        const visit = await unwrap(this.api.POST('/api/v1/visits', { body: entry.body }));
        this.discard(entry.clientRef);
        results.push({ clientRef: entry.clientRef, outcome: 'sent', visit });
      } catch (error: unknown) {
        if (error instanceof ApiProblem && error.status >= 400 && error.status < 500 && error.status !== 429) {
          this.update(entry.clientRef, {
            rejected: { status: error.status, message: error.detail || error.title, fieldErrors: error.fieldErrors() },
          });
          results.push({ clientRef: entry.clientRef, outcome: 'rejected', problem: error });
          continue;
        }
        // No answer, a server error, or the session ended: keep everything for later.
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

  private update(clientRef: string, patch: Partial<QueuedVisit>): void {
    this.save(this.entries.map((e) => (e.clientRef === clientRef ? { ...e, ...patch } : e)));
  }

  private save(entries: QueuedVisit[]): void {
    this.entries = entries;
    writeJson(localStorage, this.storageKey, entries.length > 0 ? entries : undefined);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
