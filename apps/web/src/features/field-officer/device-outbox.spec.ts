/**
 * @jest-environment jsdom
 */
import type { ApiClient } from '../../api/client';
import { NetworkError } from '../../api/problem';
import { DeviceOutbox, type SendResult } from './device-outbox';

/** What `unwrap` reads of a response (jsdom has no `Response`). */
const answered = (status: number): Response => ({ ok: status < 300, status }) as Response;

interface Sent {
  path: string;
  body: Record<string, unknown>;
  key: string | undefined;
}

/**
 * The API as the outbox sees it: `answer` decides each POST (a body to answer 2xx, a problem status, or
 * `lost` for a request the server handled but whose answer never came back).
 */
function fakeApi(answer: (sent: Sent, index: number) => Record<string, unknown> | number | 'lost' | 'offline'): {
  api: ApiClient;
  sent: Sent[];
} {
  const sent: Sent[] = [];
  const post = (path: string, init: { body: Record<string, unknown>; headers?: Record<string, string> }) => {
    const request = { path, body: init.body, key: init.headers?.['Idempotency-Key'] };
    const decision = answer(request, sent.length);
    if (decision !== 'offline') sent.push(request);
    if (decision === 'offline' || decision === 'lost') return Promise.reject(new NetworkError(new Error('no answer')));
    if (typeof decision === 'number') {
      const problem = { title: 'Bad Request', detail: 'visitedOn: must not be in the future', status: decision };
      return Promise.resolve({ error: problem, response: answered(decision) });
    }
    return Promise.resolve({ data: decision, response: answered(201) });
  };
  return { api: { POST: post } as unknown as ApiClient, sent };
}

const VISIT_BODY = { campaignId: 'c1', enterpriseId: 'e1', kind: 'follow_up' as const, visitedOn: '2026-12-07' };
const NEED_BODY = {
  requestedAmount: '8000000.00',
  purpose: 'working_capital' as const,
  term: 'short' as const,
  bottlenecks: ['other' as const],
};

function writeVisitAndNeed(outbox: DeviceOutbox): void {
  outbox.addVisit({
    clientRef: 'visit-1',
    enterpriseName: '洛阳精密轴承有限公司',
    writtenAt: '2026-12-07T01:00:00.000Z',
    body: { ...VISIT_BODY, clientRef: 'visit-1' },
  });
  outbox.addNeed({
    clientRef: 'need-1',
    enterpriseName: '洛阳精密轴承有限公司',
    writtenAt: '2026-12-07T01:05:00.000Z',
    body: NEED_BODY,
    visit: { clientRef: 'visit-1' },
  });
}

const answerOk = (sent: Sent): Record<string, unknown> =>
  sent.path === '/api/v1/visits' ? { id: 'id-of-visit-1', warnings: [] } : { id: 'case-1', number: 'C-2026-000001' };

describe('the device outbox', () => {
  let outbox: DeviceOutbox | undefined;

  beforeEach(() => localStorage.clear());
  afterEach(() => outbox?.stop());

  it('keeps a visit and its need offline, then sends the visit and the need naming it, once each', async () => {
    let online = false;
    const { api, sent } = fakeApi((request) => (online ? answerOk(request) : 'offline'));
    outbox = new DeviceOutbox(api, 'outbox.u1');
    writeVisitAndNeed(outbox);
    expect(await outbox.flush()).toEqual([]);
    expect(sent).toEqual([]);

    // The page is opened again later: the entries come back from localStorage, and the signal too.
    outbox.stop();
    outbox = new DeviceOutbox(api, 'outbox.u1');
    expect(outbox.all.map((e) => [e.type, e.clientRef])).toEqual([
      ['visit', 'visit-1'],
      ['need', 'need-1'],
    ]);
    online = true;
    const results = await outbox.flush();
    expect(results.map((r) => [r.clientRef, r.outcome])).toEqual([
      ['visit-1', 'sent'],
      ['need-1', 'sent'],
    ]);
    expect(sent).toEqual([
      { path: '/api/v1/visits', body: { ...VISIT_BODY, clientRef: 'visit-1' }, key: undefined },
      { path: '/api/v1/cases', body: { visitId: 'id-of-visit-1', ...NEED_BODY }, key: 'need-1' },
    ]);
    expect(outbox.all).toEqual([]);
    expect(localStorage.getItem('outbox.u1')).toBeNull();
  });

  it('sends a need again with the same key and body when its first answer was lost', async () => {
    let casePosts = 0;
    const { api, sent } = fakeApi((request) => {
      if (request.path === '/api/v1/cases' && (casePosts += 1) === 1) return 'lost';
      return answerOk(request);
    });
    outbox = new DeviceOutbox(api, 'outbox.u1');
    writeVisitAndNeed(outbox);
    const first = await outbox.flush();
    expect(first.map((r) => [r.clientRef, r.outcome])).toEqual([['visit-1', 'sent']]);
    // The visit left the outbox; the need now names the visit's id, also in localStorage.
    expect(outbox.all).toEqual([expect.objectContaining({ clientRef: 'need-1', visit: { id: 'id-of-visit-1' } })]);
    expect(localStorage.getItem('outbox.u1')).toContain('id-of-visit-1');

    const second = await outbox.flush();
    expect(second.map((r) => [r.clientRef, r.outcome])).toEqual([['need-1', 'sent']]);
    const casesSent = sent.filter((s) => s.path === '/api/v1/cases');
    expect(casesSent).toHaveLength(2);
    expect(casesSent[1]).toEqual(casesSent[0]);
    expect(casesSent[0]?.key).toBe('need-1');
  });

  it('keeps a refused visit listed with its reason, and its need unsent until both are discarded', async () => {
    const { api, sent } = fakeApi((request) => (request.path === '/api/v1/visits' ? 400 : answerOk(request)));
    outbox = new DeviceOutbox(api, 'outbox.u1');
    writeVisitAndNeed(outbox);
    const results = await outbox.flush();
    expect(results.map((r) => [r.clientRef, r.outcome])).toEqual([['visit-1', 'rejected']]);
    expect(sent.map((s) => s.path)).toEqual(['/api/v1/visits']);
    expect(outbox.all[0]?.rejected).toEqual({
      status: 400,
      message: 'visitedOn: must not be in the future',
      fieldErrors: {},
    });
    expect(await outbox.flush()).toEqual([]);
    outbox.discard('visit-1');
    expect(outbox.all).toEqual([]);
  });

  it('names the id of a visit sent a moment ago in a need written for it afterwards', async () => {
    const { api, sent } = fakeApi(answerOk);
    outbox = new DeviceOutbox(api, 'outbox.u1');
    outbox.addVisit({
      clientRef: 'visit-1',
      enterpriseName: '洛阳精密轴承有限公司',
      writtenAt: '2026-12-07T01:00:00.000Z',
      body: { ...VISIT_BODY, clientRef: 'visit-1' },
    });
    await outbox.flush();
    outbox.addNeed({
      clientRef: 'need-1',
      enterpriseName: '洛阳精密轴承有限公司',
      writtenAt: '2026-12-07T01:05:00.000Z',
      body: NEED_BODY,
      visit: { clientRef: 'visit-1' },
    });
    const results = await outbox.flush();
    expect(results.map((r) => [r.clientRef, r.outcome])).toEqual([['need-1', 'sent']]);
    expect(sent[1]?.body['visitId']).toBe('id-of-visit-1');
  });

  it('runs a flush asked for during another after it, so it sends what was written meanwhile', async () => {
    let second: Promise<SendResult[]> | undefined;
    const { api, sent } = fakeApi((request) => {
      // The need is written, and sent at once, while the visit is on its way.
      if (request.path === '/api/v1/visits' && second === undefined && outbox !== undefined) {
        outbox.addNeed({
          clientRef: 'need-1',
          enterpriseName: '洛阳精密轴承有限公司',
          writtenAt: '2026-12-07T01:05:00.000Z',
          body: NEED_BODY,
          visit: { clientRef: 'visit-1' },
        });
        second = outbox.flush();
      }
      return answerOk(request);
    });
    outbox = new DeviceOutbox(api, 'outbox.u1');
    outbox.addVisit({
      clientRef: 'visit-1',
      enterpriseName: '洛阳精密轴承有限公司',
      writtenAt: '2026-12-07T01:00:00.000Z',
      body: { ...VISIT_BODY, clientRef: 'visit-1' },
    });
    const first = await outbox.flush();
    expect(first.map((r) => r.clientRef)).toEqual(['visit-1']);
    expect((await second)?.map((r) => r.clientRef)).toEqual(['need-1']);
    expect(sent.map((s) => s.path)).toEqual(['/api/v1/visits', '/api/v1/cases']);
    expect(outbox.isSending).toBe(false);
  });
});
