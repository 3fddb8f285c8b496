import { ApiProblem } from '../../api/problem';
import {
  entriesFromStorage,
  isRefusal,
  needBodyOf,
  needRequest,
  needState,
  sendOrder,
  visitRecorded,
  withoutEntry,
  type OutboxEntry,
  type QueuedNeed,
  type QueuedVisit,
  type VisitRef,
} from './outbox-entries';

function visit(clientRef: string, rejected = false): QueuedVisit {
  return {
    type: 'visit',
    clientRef,
    enterpriseName: '洛阳精密轴承有限公司',
    writtenAt: '2026-12-07T01:00:00.000Z',
    attempts: 0,
    body: { clientRef, campaignId: 'c1', enterpriseId: 'e1', kind: 'follow_up', visitedOn: '2026-12-07' },
    ...(rejected ? { rejected: { status: 400, message: 'visitedOn: in the future', fieldErrors: {} } } : {}),
  };
}

function need(clientRef: string, of: VisitRef): QueuedNeed {
  return {
    type: 'need',
    clientRef,
    enterpriseName: '洛阳精密轴承有限公司',
    writtenAt: '2026-12-07T01:05:00.000Z',
    attempts: 0,
    visit: of,
    body: { requestedAmount: '8000000.00', purpose: 'working_capital', term: 'short', bottlenecks: ['other'] },
  };
}

const refs = (entries: readonly OutboxEntry[]): string[] => entries.map((e) => e.clientRef);

describe('the outbox entries', () => {
  it('sends as written, each need after the visit it waits for', () => {
    const entries = [
      need('n-early', { clientRef: 'v2' }),
      visit('v1'),
      need('n-server', { id: 'visit-on-server' }),
      visit('v2'),
      need('n-late', { clientRef: 'v1' }),
    ];
    expect(refs(sendOrder(entries))).toEqual(['v1', 'n-server', 'v2', 'n-early', 'n-late']);
  });

  it('leaves out what was refused and the needs of a refused visit, and says why', () => {
    const entries = [visit('v1', true), need('n1', { clientRef: 'v1' }), visit('v2'), need('n2', { clientRef: 'v2' })];
    expect(refs(sendOrder(entries))).toEqual(['v2', 'n2']);
    expect(needState(need('n1', { clientRef: 'v1' }), entries)).toEqual({ state: 'blocked' });
    expect(needState(need('n2', { clientRef: 'v2' }), entries)).toEqual({ state: 'waiting' });
    expect(needState(need('n3', { clientRef: 'gone' }), entries)).toEqual({ state: 'blocked' });
    expect(needState(need('n4', { id: 'v-9' }), entries)).toEqual({ state: 'ready', visitId: 'v-9' });
  });

  it("gives the needs of a recorded visit the visit's id, and drops the visit", () => {
    const entries = [visit('v1'), need('n1', { clientRef: 'v1' }), need('n2', { clientRef: 'v2' }), visit('v2')];
    const after = visitRecorded(entries, 'v1', 'id-of-v1');
    expect(refs(after)).toEqual(['n1', 'n2', 'v2']);
    expect(after[0]).toMatchObject({ type: 'need', visit: { id: 'id-of-v1' } });
    expect(after[1]).toMatchObject({ type: 'need', visit: { clientRef: 'v2' } });
    expect(needState(after[0] as QueuedNeed, after)).toEqual({ state: 'ready', visitId: 'id-of-v1' });
    expect(refs(sendOrder(after))).toEqual(['n1', 'v2', 'n2']);
  });

  it('discards a visit with the needs written for it, and a need alone', () => {
    const entries = [visit('v1', true), need('n1', { clientRef: 'v1' }), visit('v2'), need('n2', { clientRef: 'v2' })];
    expect(refs(withoutEntry(entries, 'v1'))).toEqual(['v2', 'n2']);
    expect(refs(withoutEntry(entries, 'n2'))).toEqual(['v1', 'n1', 'v2']);
  });

  it('builds the same request, keyed by the need, on every send', () => {
    const queued = need('3f0c0a36-4d4e-4f57-9d2b-0a1b2c3d4e5f', { clientRef: 'v1' });
    const first = needRequest(queued, 'id-of-v1');
    expect(first).toEqual({
      idempotencyKey: '3f0c0a36-4d4e-4f57-9d2b-0a1b2c3d4e5f',
      body: {
        visitId: 'id-of-v1',
        requestedAmount: '8000000.00',
        purpose: 'working_capital',
        term: 'short',
        bottlenecks: ['other'],
      },
    });
    expect(JSON.stringify(needRequest(queued, 'id-of-v1'))).toBe(JSON.stringify(first));
  });

  it("drops the form's visit from a diagnosis, keeping the rest as written", () => {
    const body = {
      visitId: '',
      requestedAmount: '1.00',
      purpose: 'other',
      term: 'short',
      bottlenecks: ['other'],
      note: 'n',
    } as const;
    const { requestedAmount, purpose, term, bottlenecks, note } = body;
    expect(needBodyOf({ ...body, bottlenecks: [...bottlenecks] })).toEqual({
      requestedAmount,
      purpose,
      term,
      bottlenecks,
      note,
    });
  });

  it('reads what earlier versions kept (visits without a type) and drops what it cannot read', () => {
    const legacy: Partial<QueuedVisit> = visit('v-old');
    delete legacy.type;
    const read = entriesFromStorage([legacy, need('n1', { clientRef: 'v-old' }), { nonsense: true }, null, 'x']);
    expect(refs(read)).toEqual(['v-old', 'n1']);
    expect(read[0]?.type).toBe('visit');
    expect(entriesFromStorage(undefined)).toEqual([]);
    expect(entriesFromStorage({ not: 'a list' })).toEqual([]);
  });

  it('lists a 4xx as refused, but sends again after a 429, a 5xx, or a 409 on a key still being answered', () => {
    const problem = (status: number, field?: string): ApiProblem =>
      new ApiProblem(status, 'Problem', '', field ? [{ field, message: 'm' }] : [], {});
    expect(isRefusal(problem(400, 'requestedAmount'))).toBe(true);
    expect(isRefusal(problem(404))).toBe(true);
    expect(isRefusal(problem(409, 'status'))).toBe(true);
    expect(isRefusal(problem(422, 'Idempotency-Key'))).toBe(true);
    expect(isRefusal(problem(409, 'Idempotency-Key'))).toBe(false);
    expect(isRefusal(problem(429))).toBe(false);
    expect(isRefusal(problem(503))).toBe(false);
    expect(isRefusal(new Error('offline'))).toBe(false);
  });
});
