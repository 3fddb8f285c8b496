import { ManualClock, type Role } from '@unblock/domain';
import { buildActors, diagnose, recordVisit, type Actors } from '../support/case-fixtures';
import { buildWorld, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';

const NOBODY = '00000000-0000-4000-8000-000000000000';
const TABLES = ['cases', 'case_events', 'outbox', 'visits', 'loan_contracts', 'case_obligations', 'case_pool_members'];
const CONTRACT = { amount: '100.00', annualRatePct: '3.2', termMonths: 12, signedOn: '2026-06-01', contractNo: 'B-1' };

type Who = Extract<Role, 'field_officer' | 'bank_manager' | 'supervisor'>;
interface Bad {
  readonly why: string;
  readonly body: unknown;
  readonly field: string;
}
interface Row {
  readonly endpoint: string;
  readonly who: Who;
  readonly state?: 'assigned' | 'claimed' | 'approved';
  readonly bad: readonly Bad[];
}

const amounts = (field: string, wrap: (v: unknown) => unknown): Bad[] =>
  [
    ['negative', '-1.00'],
    ['zero', '0'],
    ['zero with decimals', '0.00'],
    ['1e309', '1e309'],
    ['three decimals', '1.234'],
    ['not a number', 'abc'],
    ['a JSON number', 1000],
    ['empty', ''],
    ['17 integer digits', '12345678901234567'],
  ].map(([why, value]) => ({ why: `an amount that is ${String(why)}`, body: wrap(value), field }));

const CASE_BASE = { purpose: 'working_capital', term: 'short', bottlenecks: ['slow_approval'], requestedAmount: '100' };

/** Every case and visit endpoint refuses bad input with a 400 naming the field, and writes nothing. */
const ROWS: readonly Row[] = [
  {
    endpoint: 'POST /visits',
    who: 'field_officer',
    bad: [
      { why: 'a campaign id that is not a uuid', body: { campaignId: 'x' }, field: 'campaignId' },
      { why: 'an enterprise id that is not a uuid', body: { enterpriseId: 42 }, field: 'enterpriseId' },
      { why: '30 February', body: { visitedOn: '2026-02-30' }, field: 'visitedOn' },
      { why: 'a kind outside the list', body: { kind: 'party' }, field: 'kind' },
      { why: 'a clientRef with spaces', body: { clientRef: 'a b' }, field: 'clientRef' },
      { why: 'a summary that is a number', body: { summary: 5 }, field: 'summary' },
      { why: 'an unknown key', body: { weather: 'sunny' }, field: 'weather' },
    ],
  },
  {
    endpoint: 'POST /cases',
    who: 'field_officer',
    bad: [
      ...amounts('requestedAmount', (v) => ({ ...CASE_BASE, requestedAmount: v })),
      { why: 'a visit id that is not a uuid', body: { ...CASE_BASE, visitId: 'abc' }, field: 'visitId' },
      { why: 'a visit that does not exist', body: { ...CASE_BASE, visitId: NOBODY }, field: 'visitId' },
      { why: 'a purpose outside the list', body: { ...CASE_BASE, purpose: 'gambling' }, field: 'purpose' },
      { why: 'a term outside the list', body: { ...CASE_BASE, term: 'forever' }, field: 'term' },
      { why: 'no bottleneck', body: { ...CASE_BASE, bottlenecks: [] }, field: 'bottlenecks' },
      {
        why: 'a bottleneck outside the taxonomy',
        body: { ...CASE_BASE, bottlenecks: ['greed'] },
        field: 'bottlenecks',
      },
      { why: 'bottlenecks as a string', body: { ...CASE_BASE, bottlenecks: 'slow_approval' }, field: 'bottlenecks' },
      {
        why: 'a bottleneck twice',
        body: { ...CASE_BASE, bottlenecks: ['slow_approval', 'slow_approval'] },
        field: 'bottlenecks',
      },
      { why: 'a priority outside the list', body: { ...CASE_BASE, priority: 'asap' }, field: 'priority' },
      { why: 'route as a string', body: { ...CASE_BASE, route: 'yes' }, field: 'route' },
      { why: 'an unknown key', body: { ...CASE_BASE, status: 'approved' }, field: 'status' },
    ],
  },
  {
    endpoint: 'POST /cases/:id/claim',
    who: 'bank_manager',
    state: 'assigned',
    bad: [
      { why: 'a version that is a string', body: { expectedVersion: 'one' }, field: 'expectedVersion' },
      { why: 'a version of zero', body: { expectedVersion: 0 }, field: 'expectedVersion' },
      { why: 'an unknown key', body: { bankId: NOBODY }, field: 'bankId' },
    ],
  },
  {
    endpoint: 'POST /cases/:id/decline',
    who: 'bank_manager',
    state: 'assigned',
    bad: [
      { why: 'a reason outside the taxonomy', body: { reason: 'bored' }, field: 'reason' },
      { why: 'no reason', body: {}, field: 'reason' },
      { why: 'other without a text', body: { reason: 'other' }, field: 'text' },
    ],
  },
  {
    endpoint: 'POST /cases/:id/milestones',
    who: 'bank_manager',
    state: 'claimed',
    bad: [
      { why: 'a milestone outside the list', body: { type: 'lunch' }, field: 'type' },
      { why: 'an intention without an amount', body: { type: 'intention' }, field: 'intentionAmount' },
      ...amounts('intentionAmount', (v) => ({ type: 'intention', intentionAmount: v })),
      { why: 'an amount with contacted', body: { type: 'contacted', intentionAmount: '5' }, field: 'intentionAmount' },
    ],
  },
  {
    endpoint: 'POST /cases/:id/loans',
    who: 'bank_manager',
    state: 'approved',
    bad: [
      { why: 'no contract', body: { contracts: [] }, field: 'contracts' },
      { why: 'contracts as a string', body: { contracts: 'x' }, field: 'contracts' },
      ...amounts('contracts.0.amount', (v) => ({ contracts: [{ ...CONTRACT, amount: v }] })),
      {
        why: 'a zero rate',
        body: { contracts: [{ ...CONTRACT, annualRatePct: '0' }] },
        field: 'contracts.0.annualRatePct',
      },
      {
        why: 'a rate as a number',
        body: { contracts: [{ ...CONTRACT, annualRatePct: 3.5 }] },
        field: 'contracts.0.annualRatePct',
      },
      {
        why: 'a term of 0 months',
        body: { contracts: [{ ...CONTRACT, termMonths: 0 }] },
        field: 'contracts.0.termMonths',
      },
      {
        why: 'a date that is a word',
        body: { contracts: [{ ...CONTRACT, signedOn: 'tomorrow' }] },
        field: 'contracts.0.signedOn',
      },
      {
        why: 'a date in the future',
        body: { contracts: [{ ...CONTRACT, signedOn: '2030-01-01' }] },
        field: 'contracts.0.signedOn',
      },
      {
        why: 'an empty contract number',
        body: { contracts: [{ ...CONTRACT, contractNo: '' }] },
        field: 'contracts.0.contractNo',
      },
      {
        why: 'a bank id that is not a uuid',
        body: { contracts: [{ ...CONTRACT, bankId: 'x' }] },
        field: 'contracts.0.bankId',
      },
      {
        why: 'a bank that does not exist',
        body: { contracts: [CONTRACT, { ...CONTRACT, bankId: NOBODY }] },
        field: 'contracts.1.bankId',
      },
      {
        why: 'an unknown key in a contract',
        body: { contracts: [{ ...CONTRACT, fee: '1' }] },
        field: 'contracts.0.fee',
      },
    ],
  },
  {
    endpoint: 'POST /cases/:id/close',
    who: 'supervisor',
    state: 'assigned',
    bad: [
      { why: 'a resolution outside the list', body: { resolution: 'bored' }, field: 'resolution' },
      { why: 'other without a note', body: { resolution: 'other' }, field: 'note' },
    ],
  },
  {
    endpoint: 'POST /cases/:id/reassign',
    who: 'supervisor',
    state: 'assigned',
    bad: [
      { why: 'no bank', body: {}, field: 'bankId' },
      { why: 'a bank id that is not a uuid', body: { bankId: 'x' }, field: 'bankId' },
      { why: 'a bank that does not exist', body: { bankId: NOBODY }, field: 'bankId' },
    ],
  },
  {
    endpoint: 'POST /cases/:id/extend',
    who: 'supervisor',
    state: 'assigned',
    bad: [
      { why: 'a deadline that is a word', body: { until: 'tomorrow' }, field: 'until' },
      { why: 'a deadline without a time', body: { until: '2030-01-01' }, field: 'until' },
      { why: 'a deadline before the current one', body: { until: '2020-01-01T00:00:00Z' }, field: 'until' },
      {
        why: 'an obligation outside the list',
        body: { obligation: 'lunch', until: '2030-01-01T00:00:00Z' },
        field: 'obligation',
      },
      {
        why: 'an obligation that is not open',
        body: { obligation: 'signing', until: '2030-01-01T00:00:00Z' },
        field: 'obligation',
      },
    ],
  },
  {
    endpoint: 'POST /cases/:id/notes',
    who: 'supervisor',
    state: 'assigned',
    bad: [
      { why: 'an empty text', body: { text: '' }, field: 'text' },
      { why: 'a text that is a number', body: { text: 5 }, field: 'text' },
    ],
  },
  ...[
    'route',
    'claim',
    'release',
    'decline',
    'milestones',
    'pause',
    'resume',
    'approve',
    'loans',
    'close',
    'reassign',
    'extend',
    'notes',
  ].map((action): Row => ({
    endpoint: `POST /cases/:id/${action}`,
    who: 'supervisor',
    bad: [{ why: 'a case id that is not a uuid', body: {}, field: 'id' }],
  })),
];

describe('bad input to case and visit endpoints', () => {
  let api: TestApi;
  let world: World;
  let actors: Actors;
  let visitId: string;

  beforeAll(async () => {
    api = await TestApi.start({}, { clock: new ManualClock(new Date('2026-06-02T02:00:00Z')) });
    world = await buildWorld(api);
    actors = await buildActors(api, world);
    visitId = await recordVisit(api, actors.officer, {
      campaignId: world.provinceCampaignId,
      enterpriseId: world.henanEnterpriseId,
    });
  });

  afterAll(async () => {
    await api.stop();
  });

  async function caseIn(state: 'assigned' | 'claimed' | 'approved'): Promise<string> {
    const id = String((await diagnose(api, actors.officer, { visitId }))['id']);
    if (state !== 'assigned')
      await api.request('POST', `/api/v1/cases/${id}/claim`, { token: actors.leadManager, body: {} });
    if (state === 'approved') {
      // Approval comes after contact.
      const contacted = { token: actors.leadManager, body: { type: 'contacted' } };
      await api.request('POST', `/api/v1/cases/${id}/milestones`, contacted);
      await api.request('POST', `/api/v1/cases/${id}/approve`, { token: actors.leadManager, body: {} });
    }
    return id;
  }

  const tests = ROWS.flatMap((row) => row.bad.map((bad) => [`${row.endpoint}: ${bad.why}`, row, bad] as const));

  it.each(tests)('%s → 400 naming the field, nothing written', async (_name, row, bad) => {
    const token = { field_officer: actors.officer, bank_manager: actors.leadManager, supervisor: actors.supervisor }[
      row.who
    ];
    const [method, path] = row.endpoint.split(' ') as ['POST', string];
    let url = `/api/v1${path}`;
    if (path.includes(':id')) url = url.replace(':id', row.state ? await caseIn(row.state) : 'not-a-uuid');
    const base =
      path === '/visits'
        ? {
            campaignId: world.provinceCampaignId,
            enterpriseId: world.henanEnterpriseId,
            kind: 'follow_up',
            visitedOn: '2026-06-01',
          }
        : path === '/cases'
          ? { visitId }
          : {};
    const body =
      typeof bad.body === 'object' && bad.body !== null && !Array.isArray(bad.body)
        ? { ...base, ...bad.body }
        : bad.body;

    const before = await api.counts(TABLES);
    const digest = await api.dataSource.query<unknown[]>(
      `SELECT md5(string_agg(c::text, ',' ORDER BY c.id)) FROM cases c`,
    );
    const response = await api.request(method, url, { token, body });
    expect({ status: response.status, body: response.body }).toEqual(expect.objectContaining({ status: 400 }));
    expect(response.body['errors']).toEqual(expect.arrayContaining([expect.objectContaining({ field: bad.field })]));
    expect(await api.counts(TABLES)).toEqual(before);
    expect(
      await api.dataSource.query<unknown[]>(`SELECT md5(string_agg(c::text, ',' ORDER BY c.id)) FROM cases c`),
    ).toEqual(digest);
  });
});
