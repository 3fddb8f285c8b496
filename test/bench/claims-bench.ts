import type { Pool } from 'pg';
import { diagnose, recordVisit, type Actors } from '../support/case-fixtures';
import type { World } from '../support/fixtures';
import type { TestApi } from '../support/test-api';
import { compare, drive, type Comparison } from './harness';
import { CONCURRENCY, cannon, fromCannon } from './http-load';
import type { BenchSize } from './scenarios';

/** What the HTTP scenarios share: the API listening at `base`, a pool beside it, the world and its actors. */
export interface HttpBench {
  readonly api: TestApi;
  readonly base: string;
  readonly pool: Pool;
  readonly world: World;
  readonly actors: Actors;
  readonly log: (line: string) => void;
}

/**
 * Claims of distinct assigned cases through the API beside the raw conditional UPDATE, then a 50-way race
 * on each of `raceCases` cases (its winners, 409s and other answers are added to the comparison).
 */
export async function claimsBenchmark(
  { api, base, pool, world, actors, log }: HttpBench,
  size: Pick<BenchSize, 'rounds' | 'claims' | 'raceCases'>,
): Promise<Comparison> {
  log('claims on distinct cases vs raw conditional UPDATE');
  const visitId = await recordVisit(api, actors.officer, {
    campaignId: world.provinceCampaignId,
    enterpriseId: world.henanEnterpriseId,
  });
  const template = String((await diagnose(api, actors.officer, { visitId }))['id']);
  const clone = async (n: number): Promise<{ id: string; version: number }[]> => {
    const rows = await api.dataSource.query<{ id: string; version: number }[]>(
      `WITH made AS (
       INSERT INTO cases (number, enterprise_id, campaign_id, origin_visit_id, region_code, chain_id, requested_amount, purpose, term,
                          bottlenecks, priority, status, routing_tier, assigned_bank_id, due_at, version)
       SELECT 'B-' || left(replace(gen_random_uuid()::text, '-', ''), 24), enterprise_id, campaign_id, origin_visit_id, region_code, chain_id, requested_amount,
              purpose, term, bottlenecks, priority, status, routing_tier, assigned_bank_id, due_at, version
         FROM cases, generate_series(1, $2) WHERE id = $1
       RETURNING id, version, due_at)
     , obligations AS (
       INSERT INTO case_obligations (case_id, obligation, opened_at, due_at)
       SELECT id, 'claim', now(), due_at FROM made RETURNING case_id)
     SELECT id, version FROM made`,
      [template, n],
    );
    // As autovacuum would soon: planned on the statistics of nearly empty tables, the open obligations
    // of one case would be looked up by scanning every open obligation by due date.
    await api.dataSource.query(`ANALYZE cases, case_obligations`);
    return rows;
  };
  const managerId = (
    await api.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE role = 'bank_manager' AND organization_id = $1 LIMIT 1`,
      [world.henanBankId],
    )
  )[0]?.id;
  const comparison = await compare(
    {
      scenario: 'claims on distinct cases, 50 concurrent',
      subject: 'API claim (one transaction)',
      baseline: 'raw UPDATE … RETURNING',
      target: '≥ 0.40',
    },
    size.rounds,
    async () => {
      const cases = await clone(size.claims);
      let next = 0;
      // The same load generator as the other HTTP scenarios (autocannon), each request a case of its own.
      return fromCannon(
        await cannon({
          url: base,
          connections: Math.min(CONCURRENCY, cases.length),
          amount: cases.length,
          requests: [
            {
              method: 'POST',
              headers: { authorization: `Bearer ${actors.leadManager}`, 'content-type': 'application/json' },
              body: '{}',
              setupRequest: (request) => ({ ...request, path: `/api/v1/cases/${cases[next++]?.id ?? ''}/claim` }),
            },
          ],
        }),
        cases.length,
      );
    },
    async () => {
      const cases = await clone(size.claims);
      return drive(cases.length, CONCURRENCY, async (i) => {
        const c = cases[i];
        const { rowCount } = await pool.query(
          `UPDATE cases SET status = 'claimed', claimed_by_user_id = $1, version = version + 1
            WHERE id = $2 AND status = 'assigned' AND version = $3 RETURNING id`,
          [managerId, c?.id, c?.version],
        );
        if (rowCount !== 1) throw new Error('raw claim lost');
      });
    },
  );

  log('50-way claim race');
  const raceCases = await clone(size.raceCases);
  const managers = await Promise.all(
    Array.from({ length: CONCURRENCY }, () =>
      api.userToken('bank_manager', { organizationId: world.henanBankId, regionCode: '410100' }),
    ),
  );
  let winners = 0;
  let conflicts = 0;
  let others = 0;
  for (const c of raceCases) {
    const statuses = await Promise.all(
      managers.map(async (m) => {
        const r = await fetch(`${base}/api/v1/cases/${c.id}/claim`, {
          method: 'POST',
          headers: { authorization: `Bearer ${m.token}`, 'content-type': 'application/json' },
          body: '{}',
        });
        await r.arrayBuffer();
        return r.status;
      }),
    );
    winners += statuses.filter((s) => s === 200).length;
    conflicts += statuses.filter((s) => s === 409).length;
    others += statuses.filter((s) => s !== 200 && s !== 409).length;
  }
  comparison.extra['race cases'] = raceCases.length;
  comparison.extra['race winners'] = winners;
  comparison.extra['race 409s'] = conflicts;
  comparison.extra['race other'] = others;
  return comparison;
}
