import { ManualClock, fromFen, toFen, usccCheckCharacter } from '@unblock/domain';
import { ReportRollups } from '@unblock/reports';
import { TestApi } from '../support/test-api';

/**
 * The Liaocheng campaign as published (聊城 "诊断疏通"): 12 chains, 62 chain leaders, 255 visits, 865 enterprises
 * helped, 34 enterprises signing 31.45 bn yuan, the chain leaders holding 62.88% of it. Entered through the API,
 * read back from /reports/summary and /reports/chains to the last fen.
 *
 * "Enterprises helped" is `enterprisesWithNeed`: the distinct enterprises with a need diagnosed and taken up in
 * the campaign, whichever the channel (a visit, a call, a list); a need needs no visit.
 */
const CHAINS = 12;
const LEADERS = 62;
const VISITS = 255;
const HELPED = 865;
const SIGNING = 34;
const SIGNED_FEN = toFen('31450000000.00');
/** 62.88% of the signed amount, exactly. */
const LEADERS_FEN = (SIGNED_FEN * 6288n) / 10000n;
/** Of the 34 signing enterprises, the chain leaders. */
const SIGNING_LEADERS = 14;

const COUNTIES = ['371502', '371521', '371522', '371523', '371524', '371525', '371526', '371581'];

/** Splits `total` fen into `parts` unequal amounts (a ramp), the last one taking the remainder. */
function split(total: bigint, parts: number): string[] {
  const weights = Array.from({ length: parts }, (_, i) => BigInt(i + 1));
  const sum = weights.reduce((a, b) => a + b, 0n);
  const amounts = weights.map((w) => (total * w) / sum);
  const rest = total - amounts.reduce((a, b) => a + b, 0n);
  amounts[parts - 1] = (amounts[parts - 1] ?? 0n) + rest;
  return amounts.map((fen) => fromFen(fen));
}

/** Runs `work` over `items`, `width` at a time. */
async function inBatches<T, R>(
  items: readonly T[],
  width: number,
  work: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) {
    out.push(...(await Promise.all(items.slice(i, i + width).map((item, j) => work(item, i + j)))));
  }
  return out;
}

describe('the Liaocheng campaign, entered through the API, comes out exactly in the reports', () => {
  const clock = new ManualClock(new Date('2026-06-20T02:00:00Z'));
  let api: TestApi;
  let campaignId: string;
  let supervisor: string;
  const chainIds: string[] = [];

  const created = async (token: string, path: string, body: object): Promise<string> => {
    const response = await api.request('POST', `/api/v1/${path}`, { token, body });
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return String(response.body['id']);
  };
  const act = async (token: string, id: string, action: string, body: object = {}): Promise<void> => {
    const response = await api.request('POST', `/api/v1/cases/${id}/${action}`, { token, body });
    if (response.status >= 300) throw new Error(`${action}: ${response.status} ${JSON.stringify(response.body)}`);
  };

  beforeAll(async () => {
    api = await TestApi.start({}, { clock });
    const admin = (await api.userToken('admin')).token;
    await created(admin, 'regions', { code: '370000', name: '山东省' });
    await created(admin, 'regions', { code: '371500', name: '聊城市', parentCode: '370000' });
    for (const [i, code] of COUNTIES.entries()) {
      await created(admin, 'regions', { code, name: `聊城县区${i + 1}`, parentCode: '371500' });
    }
    const bankNames = ['聊城农商银行', '工商银行聊城分行', '农业银行聊城分行', '建设银行聊城分行'];
    const banks: string[] = [];
    for (const name of bankNames)
      banks.push(await created(admin, 'organizations', { kind: 'bank', name, regionCode: '371500' }));
    const regulator = await created(admin, 'organizations', {
      kind: 'regulator',
      name: '人民银行聊城市分行',
      regionCode: '371500',
    });
    const managers = new Map<string, string>();
    for (const bank of banks) {
      managers.set(bank, (await api.userToken('bank_manager', { organizationId: bank, regionCode: '371500' })).token);
    }
    const leadOf = new Map<string, string>();
    for (let c = 0; c < CHAINS; c += 1) {
      const lead = banks[c % banks.length] ?? '';
      const id = await created(admin, 'industrial-chains', {
        name: `聊城产业链${c + 1}`,
        regionCode: '371500',
        leadBankId: lead,
        deputyBankId: banks[(c + 1) % banks.length],
        memberOrgIds: [],
      });
      chainIds.push(id);
      leadOf.set(id, lead);
    }
    campaignId = await created(admin, 'campaigns', {
      name: '聊城诊断疏通',
      kind: 'diagnose_unblock',
      regionCode: '371500',
      startsOn: '2026-03-01',
      endsOn: '2026-12-31',
    });
    const officer = (await api.userToken('field_officer', { organizationId: regulator, regionCode: '371500' })).token;
    supervisor = (await api.userToken('supervisor', { organizationId: regulator, regionCode: '371500' })).token;

    // 865 enterprises of the 12 chains: the first 62 are chain leaders (chain = index mod 12), the rest members.
    const enterprises = await inBatches(
      Array.from({ length: HELPED }, (_, i) => i),
      10,
      async (i) => {
        const region = COUNTIES[i % COUNTIES.length] ?? '371502';
        const body = `91${region}${String(1_000_000_000 + i).slice(1)}`;
        const chainId = chainIds[i % CHAINS] ?? '';
        const id = await created(admin, 'enterprises', {
          uscc: body + String(usccCheckCharacter(body)),
          name: `聊城企业${i + 1}`,
          regionCode: region,
          chainId,
          chainRole: i < LEADERS ? 'leader' : 'member',
          size: i < LEADERS ? 'large' : 'small',
        });
        return { id, chainId, leader: i < LEADERS };
      },
    );

    // 255 visits, each to its own enterprise, spread over April to June; each finds a need. The other 610
    // enterprises' needs come by phone and from lists.
    const need = {
      requestedAmount: '10000000.00',
      purpose: 'working_capital',
      term: 'medium_long',
      bottlenecks: ['collateral_shortage'],
    };
    const cases = await inBatches(enterprises, 10, async (e, i) => {
      if (i < VISITS) {
        const visitId = await created(officer, 'visits', {
          campaignId,
          enterpriseId: e.id,
          kind: 'on_site_diagnosis',
          visitedOn: `2026-0${4 + (i % 3)}-${String(1 + (i % 19)).padStart(2, '0')}`,
          summary: '走访诊断',
        });
        return created(officer, 'cases', { visitId, ...need });
      }
      return created(officer, 'cases', {
        source: i % 2 === 0 ? 'phone' : 'list',
        enterpriseId: e.id,
        campaignId,
        ...need,
      });
    });

    // 34 enterprises sign: 14 chain leaders holding exactly 62.88%, 20 others the rest.
    const signers = [
      ...enterprises
        .map((e, i) => ({ ...e, caseId: cases[i] ?? '' }))
        .filter((e) => e.leader)
        .slice(0, SIGNING_LEADERS),
      ...enterprises
        .map((e, i) => ({ ...e, caseId: cases[i] ?? '' }))
        .filter((e) => !e.leader)
        .slice(0, SIGNING - SIGNING_LEADERS),
    ];
    const amounts = [
      ...split(LEADERS_FEN, SIGNING_LEADERS),
      ...split(SIGNED_FEN - LEADERS_FEN, SIGNING - SIGNING_LEADERS),
    ];
    await inBatches(signers, 5, async (s, i) => {
      const token = managers.get(leadOf.get(s.chainId) ?? '') ?? '';
      await act(token, s.caseId, 'claim');
      await act(token, s.caseId, 'milestones', { type: 'contacted' });
      await act(token, s.caseId, 'approve');
      await act(token, s.caseId, 'loans', {
        contracts: [
          {
            amount: amounts[i],
            annualRatePct: '3.45',
            termMonths: 36,
            signedOn: '2026-06-15',
            contractNo: `LC-${i + 1}`,
          },
        ],
      });
    });
    // The worker's refresh of the rollups (a reader brings at most a week of stale days up to date itself).
    expect(await api.app.get(ReportRollups).refresh()).not.toBeNull();
  }, 600_000);

  afterAll(async () => {
    await api.stop();
  });

  it('answers the published figures on /reports/summary', async () => {
    const summary = await api.request<Record<string, unknown>>(
      'GET',
      `/api/v1/reports/summary?campaignId=${campaignId}`,
      {
        token: supervisor,
      },
    );
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({
      visits: VISITS,
      enterprisesVisited: VISITS,
      needsDiagnosed: HELPED,
      enterprisesWithNeed: HELPED,
      needsBySource: { visit: VISITS, phone: 305, list: 305, enterprise: 0 },
      enterprisesFinanced: SIGNING,
      signedCount: SIGNING,
      signedAmount: '31450000000.00',
      chainLeaderShare: '0.6288',
      funnel: { claimed: SIGNING, approved: SIGNING, signed: SIGNING, declined: 0, declinesByReason: [] },
    });
    // The counties of Liaocheng add up to it.
    const regions = await api.request<
      { regionCode: string; needsDiagnosed: number; visits: number; signedAmount: string }[]
    >('GET', `/api/v1/reports/regions?campaignId=${campaignId}`, { token: supervisor });
    expect(regions.status).toBe(200);
    const byRegion = regions.body;
    expect(byRegion.map((r) => r.regionCode)).toEqual(COUNTIES);
    expect(byRegion.reduce((n, r) => n + r.needsDiagnosed, 0)).toBe(HELPED);
    expect(byRegion.reduce((n, r) => n + r.visits, 0)).toBe(VISITS);
    expect(fromFen(byRegion.reduce((n, r) => n + toFen(r.signedAmount), 0n))).toBe('31450000000.00');
    // The same from the campaign's start on (the per-day rollups and the distinct sets; a need's day is the day
    // it was recorded).
    const dated = await api.request<Record<string, unknown>>(
      'GET',
      `/api/v1/reports/summary?campaignId=${campaignId}&from=2026-03-01`,
      { token: supervisor },
    );
    expect(dated.body).toMatchObject({
      visits: VISITS,
      enterprisesWithNeed: HELPED,
      enterprisesFinanced: SIGNING,
      signedAmount: '31450000000.00',
      chainLeaderShare: '0.6288',
    });
  });

  it('answers 12 chains holding 62 chain leaders, their figures adding up to the campaign, on /reports/chains', async () => {
    const chains = await api.request<
      {
        chainId: string;
        chainLeaders: number;
        visits: number;
        enterprisesWithNeed: number;
        signedCount: number;
        signedAmount: string;
        funnel: { signed: number };
      }[]
    >('GET', `/api/v1/reports/chains?campaignId=${campaignId}`, { token: supervisor });
    expect(chains.status).toBe(200);
    expect(chains.body.map((c) => c.chainId).sort()).toEqual([...chainIds].sort());
    const total = (pick: (c: (typeof chains.body)[number]) => number): number =>
      chains.body.reduce((n, c) => n + pick(c), 0);
    expect(total((c) => c.chainLeaders)).toBe(LEADERS);
    expect(total((c) => c.visits)).toBe(VISITS);
    expect(total((c) => c.enterprisesWithNeed)).toBe(HELPED);
    expect(total((c) => c.signedCount)).toBe(SIGNING);
    expect(total((c) => c.funnel.signed)).toBe(SIGNING);
    expect(fromFen(chains.body.reduce((n, c) => n + toFen(c.signedAmount), 0n))).toBe('31450000000.00');
    // 62 leaders over 12 chains by index: chains 1–2 hold 6, the others 5.
    expect(chains.body.map((c) => c.chainLeaders).sort()).toEqual([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6, 6]);
  });
});
