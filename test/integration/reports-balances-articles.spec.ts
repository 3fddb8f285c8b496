import { ManualClock } from '@unblock/domain';
import { newUscc } from '../support/fixtures';
import { TestApi } from '../support/test-api';

type Body = Record<string, unknown>;

interface Figures {
  balance: string;
  mediumLongBalance: string;
  growthYtd: string | null;
  growthYoy: string | null;
  share: string | null;
}
interface Report {
  total: Figures;
  rows: (Figures & { key: string; name: string | null })[];
}

const YI = 100_000_000n * 100n; // one 亿元 in fen

/** `fen` split into `n` parts in whole fen, the remainder on the last. */
function split(fen: bigint, n: number): bigint[] {
  const part = fen / BigInt(n);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? fen - part * BigInt(n - 1) : part));
}

const yuan = (fen: bigint): string => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;

/**
 * The figures of the two articles, entered as banks' balance reports and read back exactly from
 * `/reports/balances`: Liaocheng's 12 chains, whose 62 leaders hold 62.88% of the chains' loans (21.553 bn,
 * +16.95% since the start of the year; the chains +31.09% by June); Henan's manufacturing loans (over
 * 9,000 bn, +13.43% year on year), medium/long-term 3,563.91 bn (+8.35%), high-tech 1,610.12 bn (+14.99%)
 * and clean energy 1,853.54 bn.
 */
describe('balances as the articles publish them', () => {
  let api: TestApi;
  let bankToken: string;
  let bankId: string;
  let regulatorId: string;

  const enterprise = async (
    regionCode: string,
    chain: { id: string; role: string } | null,
    tags: string[] = [],
  ): Promise<string> => {
    const [row] = await api.dataSource.query<{ id: string }[]>(
      `INSERT INTO enterprises (uscc, name, region_code, chain_id, chain_role, size, tags)
       VALUES ($1, $2, $3, $4, $5, 'medium', $6) RETURNING id`,
      [
        newUscc(regionCode),
        `企业${Math.random().toString(36).slice(2, 8)}`,
        regionCode,
        chain?.id ?? null,
        chain?.role ?? null,
        tags,
      ],
    );
    return String(row?.id);
  };
  const report = async (enterpriseId: string, month: string, balance: bigint, mediumLong = 0n): Promise<void> => {
    const answer = await api.request<Body>('POST', '/api/v1/loan-balances', {
      token: bankToken,
      body: { enterpriseId, month, balance: yuan(balance), mediumLongBalance: yuan(mediumLong) },
    });
    expect(answer.status).toBe(201);
  };
  const read = async (token: string, query: string): Promise<Report> => {
    const answer = await api.request<Report>('GET', `/api/v1/reports/balances?${query}`, { token });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  beforeAll(async () => {
    api = await TestApi.start({}, { clock: new ManualClock(new Date('2025-07-10T02:00:00Z')) });
    await api.dataSource.query(
      `INSERT INTO regions (code, name, parent_code) VALUES ('370000', '山东省', NULL), ('371500', '聊城市', '370000'),
              ('410000', '河南省', NULL), ('410100', '郑州市', '410000')`,
    );
    const [bank] = await api.dataSource.query<{ id: string }[]>(
      `INSERT INTO organizations (kind, name, region_code) VALUES ('bank', '示例银行', '370000') RETURNING id`,
    );
    bankId = String(bank?.id);
    const [regulator] = await api.dataSource.query<{ id: string }[]>(
      `INSERT INTO organizations (kind, name, region_code) VALUES ('regulator', '人民银行', '370000') RETURNING id`,
    );
    regulatorId = String(regulator?.id);
    bankToken = (await api.userToken('bank_manager', { organizationId: bankId, regionCode: '370000' })).token;
  });

  afterAll(async () => {
    await api.stop();
  });

  it('Liaocheng: 62 chain leaders of 12 chains hold 62.88% of the chains’ loans, 21.553 bn, +16.95%; the chains +31.09%', async () => {
    const chains: string[] = [];
    for (let i = 1; i <= 12; i += 1) {
      const [row] = await api.dataSource.query<{ id: string }[]>(
        `INSERT INTO industrial_chains (name, region_code, lead_bank_id, deputy_bank_id)
         VALUES ($1, '371500', $2, $2) RETURNING id`,
        [`聊城产业链${i}`, bankId],
      );
      chains.push(String(row?.id));
    }
    const leaders: string[] = [];
    const members: string[] = [];
    for (let i = 0; i < 62; i += 1) {
      leaders.push(await enterprise('371500', { id: chains[i % 12] ?? '', role: 'leader' }));
    }
    for (const chain of chains) members.push(await enterprise('371500', { id: chain, role: 'upstream' }));
    const outside = await enterprise('371500', null);

    const leadersNow = 21_553_000_000n * 100n;
    const leadersStart = 18_429_000_000n * 100n;
    const chainsNow = 34_277_000_000n * 100n;
    const chainsStart = 26_147_000_000n * 100n;
    const now = split(leadersNow, 62);
    const start = split(leadersStart, 62);
    for (const [i, id] of leaders.entries()) {
      await report(id, '2024-12', start[i] ?? 0n);
      await report(id, '2025-06', now[i] ?? 0n);
    }
    const membersNow = split(chainsNow - leadersNow, 12);
    const membersStart = split(chainsStart - leadersStart, 12);
    for (const [i, id] of members.entries()) {
      await report(id, '2024-12', membersStart[i] ?? 0n);
      await report(id, '2025-06', membersNow[i] ?? 0n);
    }
    // A borrower in no chain: not among the chains' loans.
    await report(outside, '2024-12', 1_000_000_000n * 100n);
    await report(outside, '2025-06', 5_000_000_000n * 100n);

    const supervisor = (await api.userToken('supervisor', { organizationId: regulatorId, regionCode: '371500' })).token;
    const byRole = await read(supervisor, 'asOf=2025-06&groupBy=chainRole');
    expect(byRole.total).toMatchObject({ balance: '34277000000.00', growthYtd: '0.3109', share: '1.0000' });
    expect(byRole.rows.find((r) => r.key === 'leader')).toMatchObject({
      balance: '21553000000.00',
      share: '0.6288',
      growthYtd: '0.1695',
    });
    const byChain = await read(supervisor, 'asOf=2025-06&groupBy=chain');
    expect(byChain.rows).toHaveLength(12);
    expect(byChain.rows.every((r) => r.name?.startsWith('聊城产业链') === true)).toBe(true);
    expect(byChain.total).toMatchObject({ balance: '34277000000.00', growthYtd: '0.3109' });
    const [leaderCount] = await api.dataSource.query<{ n: number }[]>(
      `SELECT count(DISTINCT e.id)::int AS n FROM loan_balances b JOIN enterprises e ON e.id = b.enterprise_id
        WHERE e.chain_role = 'leader' AND e.region_code = '371500'`,
    );
    expect(leaderCount?.n).toBe(62);
    // Every borrower of the city, chains or not.
    const byRegion = await read(supervisor, 'asOf=2025-06&groupBy=region');
    expect(byRegion.total.balance).toBe('39277000000.00');
  });

  it('Henan: manufacturing over 9,000 bn +13.43%, medium/long-term 3,563.91 bn +8.35%, high-tech 1,610.12 bn +14.99%, clean energy 1,853.54 bn', async () => {
    const highTech = await enterprise('410100', null, ['high_tech']);
    const cleanEnergy = await enterprise('410100', null, ['clean_energy']);
    const others = await enterprise('410100', null, []);
    const bn = (hundredths: bigint): bigint => (hundredths * YI * 10n) / 100n; // 亿元 × 10 = bn; hundredths of a bn
    await report(highTech, '2024-06', bn(140_023n));
    await report(highTech, '2025-06', bn(161_012n));
    await report(cleanEnergy, '2024-06', bn(160_000n));
    await report(cleanEnergy, '2025-06', bn(185_354n));
    // The rest of the 9,100 bn (8,022.57 bn a year before), all the medium/long-term loans among them.
    await report(others, '2024-06', bn(802_257n - 140_023n - 160_000n), bn(328_926n));
    await report(others, '2025-06', bn(910_000n - 161_012n - 185_354n), bn(356_391n));

    const supervisor = (await api.userToken('supervisor', { organizationId: regulatorId, regionCode: '410000' })).token;
    const byTerm = await read(supervisor, 'asOf=2025-06&groupBy=term');
    expect(byTerm.total).toMatchObject({ balance: '9100000000000.00', growthYoy: '0.1343' });
    expect(byTerm.rows.find((r) => r.key === 'medium_long')).toMatchObject({
      balance: '3563910000000.00',
      growthYoy: '0.0835',
    });
    const byTag = await read(supervisor, 'asOf=2025-06&groupBy=tag');
    expect(byTag.rows.find((r) => r.key === 'high_tech')).toMatchObject({
      balance: '1610120000000.00',
      growthYoy: '0.1499',
    });
    expect(byTag.rows.find((r) => r.key === 'clean_energy')).toMatchObject({ balance: '1853540000000.00' });
    // Liaocheng's balances are not Henan's.
    expect(byTag.total.balance).toBe('9100000000000.00');
  });
});
