import { ENSURE_VISITS_MONTH } from '@unblock/database';
import { usccCheckCharacter } from '@unblock/domain';
import { Client } from 'pg';
import { copyRows } from './copy-rows';
import { SeededRandom } from './seeded-random';

export interface GenerateOptions {
  readonly visits: number;
  readonly enterprises: number;
  readonly cases: number;
  readonly seed: number;
}

export interface GenerateReport {
  readonly campaignId: string;
  readonly counts: Record<string, number>;
  readonly seconds: number;
}

const PROVINCE = '370000';
const CITIES = Array.from({ length: 16 }, (_, i) => `37${String(i + 1).padStart(2, '0')}00`);
const COUNTIES = CITIES.flatMap((city) =>
  Array.from({ length: 8 }, (_, i) => `${city.slice(0, 4)}${String(i + 1).padStart(2, '0')}`),
);
const STATUSES = [
  'diagnosed',
  'assigned',
  'assigned',
  'claimed',
  'claimed',
  'approved',
  'loan_signed',
  'loan_signed',
  'loan_signed',
  'closed',
] as const;
const PURPOSES = [
  'working_capital',
  'equipment_upgrade',
  'capacity_expansion',
  'technology_rd',
  'trade_finance',
  'green_transition',
];
const BOTTLENECKS = [
  'collateral_shortage',
  'weak_credit_history',
  'high_financing_cost',
  'information_asymmetry',
  'slow_approval',
  'guarantee_missing',
  'policy_awareness',
];
const DAYS = 181; // 2026-01-01 to 2026-06-30
/** Tables whose report triggers are off while the generator copies (its caller rebuilds the rollups). */
const ROLLUP_TRIGGERED = ['visits', 'cases', 'loan_contracts'];

/** One or two distinct bottlenecks, as a Postgres array literal. */
function bottlenecksOf(random: SeededRandom): string {
  const first = random.pick(BOTTLENECKS);
  const second = random.pick(BOTTLENECKS);
  return first === second ? `{${first}}` : `{${first},${second}}`;
}

/**
 * A seeded random UUID made time-ordered as the API makes them (version 7: 48 bits of milliseconds, then a
 * 12-bit counter): the `i`th of ids made from `ms` on, 4,096 a millisecond.
 */
function timeOrdered(uuid: string, ms: number, i: number): string {
  const t = (ms + Math.floor(i / 4096)).toString(16).padStart(12, '0');
  const counter = (i % 4096).toString(16).padStart(3, '0');
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${counter}${uuid.slice(18)}`;
}

function day(offset: number): string {
  return new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Writes a province-size campaign straight into Postgres with COPY, reproducibly from a seed: a province
 * of 16 cities and 128 counties, 40 banks, 60 chains, the enterprises, one half-year GM-visits campaign,
 * the visits, and the cases with their claim deadlines, claims and signed contracts.
 */
export async function generateCampaign(databaseUrl: string, options: GenerateOptions): Promise<GenerateReport> {
  const started = Date.now();
  const random = new SeededRandom(options.seed);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    // The report triggers would mark every day stale row by row; the rollups are rebuilt once at the end.
    for (const table of ROLLUP_TRIGGERED) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    await client.query(
      `INSERT INTO regions (code, name, parent_code) VALUES ($1, '山东省(生成)', NULL) ON CONFLICT (code) DO NOTHING`,
      [PROVINCE],
    );
    for (const city of CITIES) {
      await client.query(
        `INSERT INTO regions (code, name, parent_code) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING`,
        [city, `市${city}`, PROVINCE],
      );
    }
    for (const county of COUNTIES) {
      await client.query(
        `INSERT INTO regions (code, name, parent_code) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING`,
        [county, `县${county}`, `${county.slice(0, 4)}00`],
      );
    }
    const tag = `${options.seed}-${random.int(1e9)}`;
    const banks = Array.from({ length: 40 }, () => random.uuid());
    const regulator = random.uuid();
    await copyRows(client, 'organizations', ['id', 'kind', 'name', 'region_code'], function* rows() {
      yield [regulator, 'regulator', `监管局 ${tag}`, PROVINCE];
      for (const [i, id] of banks.entries()) yield [id, 'bank', `银行${i + 1} ${tag}`, random.pick(CITIES)];
    });
    const managers = banks.map(() => random.uuid());
    await copyRows(
      client,
      'users',
      ['id', 'email', 'name', 'role', 'organization_id', 'region_code', 'password_hash'],
      function* rows() {
        for (const [i, id] of managers.entries()) {
          yield [
            id,
            `manager${i + 1}.${tag}@generated.unblock`,
            `客户经理${i + 1}`,
            'bank_manager',
            banks[i] ?? '',
            PROVINCE,
            'generated-no-login',
          ];
        }
      },
    );
    const chains = Array.from({ length: 60 }, (_, i) => ({
      id: random.uuid(),
      lead: banks[i % 40] ?? '',
      deputy: banks[(i + 7) % 40] ?? '',
    }));
    await copyRows(
      client,
      'industrial_chains',
      ['id', 'name', 'region_code', 'lead_bank_id', 'deputy_bank_id'],
      function* rows() {
        for (const [i, c] of chains.entries())
          yield [c.id, `产业链${i + 1} ${tag}`, random.pick(CITIES), c.lead, c.deputy];
      },
    );
    await copyRows(client, 'industrial_chain_members', ['chain_id', 'organization_id'], function* rows() {
      for (const [i, c] of chains.entries()) {
        for (const k of [13, 21, 29]) yield [c.id, banks[(i + k) % 40] ?? ''];
      }
    });
    const enterprises: { id: string; region: string; chain: number | null; leader: boolean }[] = [];
    await copyRows(
      client,
      'enterprises',
      ['id', 'uscc', 'name', 'region_code', 'chain_id', 'chain_role', 'size', 'tags'],
      function* rows() {
        for (let i = 0; i < options.enterprises; i += 1) {
          const id = random.uuid();
          const region = random.pick(COUNTIES);
          const inChain = random.next() < 0.7;
          const chain = inChain ? random.int(chains.length) : null;
          const leader = inChain && random.next() < 0.01;
          const body = `91${region}${String(options.seed % 100).padStart(2, '0')}${String(i).padStart(7, '0')}`;
          const first17 = body.slice(0, 17);
          enterprises.push({ id, region, chain, leader });
          yield [
            id,
            first17 + String(usccCheckCharacter(first17)),
            `企业${i + 1}`,
            region,
            chain === null ? null : (chains[chain]?.id ?? null),
            chain === null ? null : leader ? 'leader' : random.pick(['upstream', 'downstream', 'member']),
            random.pick(['micro', 'small', 'medium', 'large']),
            random.next() < 0.3 ? '{specialized_sme}' : '{}',
          ];
        }
      },
    );
    const campaignId = random.uuid();
    await client.query(
      `INSERT INTO campaigns (id, name, kind, region_code, starts_on, ends_on) VALUES ($1, $2, 'gm_visits', $3, '2026-01-01', '2026-06-30')`,
      [campaignId, `行长走访万企(生成) ${tag}`, PROVINCE],
    );
    // Each month's partition first, as the import makes them: rows copied into the default partition and moved
    // out later would leave its indexes as large as if they were still there.
    for (let month = 1; month <= 6; month += 1) {
      await client.query(ENSURE_VISITS_MONTH, [`2026-0${month}-01`]);
    }
    const visitIds: string[] = [];
    const visitsPerCaseSource = Math.max(1, Math.floor(options.visits / Math.max(1, options.cases)));
    const visits = await copyRows(
      client,
      'visits',
      [
        'id',
        'campaign_id',
        'enterprise_id',
        'region_code',
        'visited_on',
        'kind',
        'visitor_user_id',
        'visitor_organization_id',
        'summary',
        'created_at',
      ],
      function* rows() {
        const start = Date.now();
        for (let i = 0; i < options.visits; i += 1) {
          const id = timeOrdered(random.uuid(), start, i);
          const e = enterprises[random.int(enterprises.length)];
          const m = random.int(managers.length);
          const visitDay = random.int(DAYS);
          // Some visits diagnose a need: the case is made on the visit's day.
          if (i % visitsPerCaseSource === 0 && visitIds.length < options.cases) {
            visitIds.push(`${id}|${e?.id ?? ''}|${visitDay}`);
          }
          yield [
            id,
            campaignId,
            e?.id ?? '',
            e?.region ?? PROVINCE,
            day(visitDay),
            'gm_visit',
            managers[m] ?? '',
            banks[m] ?? '',
            '',
            `${day(visitDay)}T10:00:00+08:00`,
          ];
        }
      },
    );
    const byId = new Map(enterprises.map((e) => [e.id, e]));
    const cases: {
      id: string;
      status: string;
      bank: string | null;
      created: Date;
      due: Date;
      claimedAt: Date;
      manager: string | null;
      amount: string;
    }[] = [];
    await copyRows(
      client,
      'cases',
      [
        'id',
        'number',
        'enterprise_id',
        'campaign_id',
        'origin_visit_id',
        'region_code',
        'chain_id',
        'requested_amount',
        'purpose',
        'term',
        'bottlenecks',
        'priority',
        'status',
        'routing_tier',
        'assigned_bank_id',
        'claimed_by_user_id',
        'due_at',
        'intention_amount',
        'signed_amount',
        'version',
        'created_at',
      ],
      function* rows() {
        for (let i = 0; i < options.cases; i += 1) {
          const [visitId, enterpriseId, dayOffset] = (visitIds[i % Math.max(1, visitIds.length)] ?? '||0').split('|');
          const e = byId.get(enterpriseId ?? '');
          const chain = e?.chain === null || e === undefined ? null : chains[e.chain];
          const status = random.pick(STATUSES);
          const bankIndex = random.int(banks.length);
          const bank = status === 'diagnosed' ? null : (chain?.lead ?? banks[bankIndex] ?? null);
          const manager = bank === null ? null : (managers[banks.indexOf(bank)] ?? null);
          const created = new Date(Date.UTC(2026, 0, 1) + Number(dayOffset) * 86_400_000 + random.int(36_000_000));
          const due = new Date(created.getTime() + 3 * 86_400_000);
          const claimedAt = new Date(created.getTime() + random.int(5 * 86_400_000));
          const amount = `${1 + random.int(50_000)}0000.00`;
          const signed = status === 'loan_signed' ? amount : '0';
          const id = random.uuid();
          cases.push({ id, status, bank, created, due, claimedAt, manager, amount });
          yield [
            id,
            // The seed's last two digits keep the numbers of campaigns generated into one database apart.
            `G${String(options.seed % 100).padStart(2, '0')}-2026-${String(i + 1).padStart(7, '0')}`,
            enterpriseId ?? '',
            campaignId,
            visitId ?? '',
            e?.region ?? PROVINCE,
            chain?.id ?? null,
            amount,
            random.pick(PURPOSES),
            random.next() < 0.6 ? 'medium_long' : 'short',
            bottlenecksOf(random),
            e?.leader === true ? 'high' : 'normal',
            status,
            bank === null ? null : 1,
            bank,
            ['claimed', 'approved', 'loan_signed'].includes(status) ? manager : null,
            status === 'assigned' ? due.toISOString() : null,
            ['approved', 'loan_signed'].includes(status) ? amount : null,
            signed,
            2,
            created.toISOString(),
          ];
        }
      },
    );
    const claimed = (s: string): boolean => ['claimed', 'approved', 'loan_signed'].includes(s);
    await copyRows(
      client,
      'case_obligations',
      ['case_id', 'obligation', 'opened_at', 'due_at', 'met_at', 'cancelled_at'],
      function* rows() {
        for (const c of cases) {
          if (c.bank === null) continue;
          const met = claimed(c.status) ? c.claimedAt.toISOString() : null;
          const cancelled = c.status === 'closed' ? c.claimedAt.toISOString() : null;
          yield [c.id, 'claim', c.created.toISOString(), c.due.toISOString(), met, cancelled];
        }
      },
    );
    await copyRows(client, 'case_events', ['case_id', 'type', 'actor_user_id', 'at', 'data'], function* rows() {
      for (const c of cases) {
        if (claimed(c.status))
          yield [c.id, 'claimed', c.manager, c.claimedAt.toISOString(), JSON.stringify({ bankId: c.bank })];
      }
    });
    const loans = await copyRows(
      client,
      'loan_contracts',
      ['case_id', 'bank_id', 'amount', 'annual_rate_pct', 'term_months', 'signed_on', 'contract_no'],
      function* rows() {
        for (const [i, c] of cases.entries()) {
          if (c.status !== 'loan_signed' || c.bank === null) continue;
          const signedOn = new Date(Math.min(c.claimedAt.getTime() + 10 * 86_400_000, Date.UTC(2026, 5, 30)))
            .toISOString()
            .slice(0, 10);
          yield [c.id, c.bank, c.amount, '3.450', 36, signedOn, `G${tag}-${i}`];
        }
      },
    );
    for (const table of ROLLUP_TRIGGERED) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    await client.query('COMMIT');
    // VACUUM sets the visibility map, so index-only scans (a bank's distinct enterprises visited) need no heap.
    await client.query('VACUUM (ANALYZE)');
    return {
      campaignId,
      counts: {
        enterprises: enterprises.length,
        visits,
        cases: cases.length,
        loans,
        banks: banks.length,
        chains: chains.length,
      },
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } catch (error: unknown) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
