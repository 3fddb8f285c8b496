import { buildActors, diagnose, recordVisit } from '../support/case-fixtures';
import { buildWorld, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';

const CASES = 200;
const SAME_BANK = 50;
const OTHER_BANK = 5;
const POOL = 8;

/**
 * The claim race: 200 cases, each claimed at once by 50 managers of the owning bank and 5 of another bank,
 * through a database pool far smaller than the concurrency. Exactly one claim wins per case.
 */
describe('claim race', () => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await TestApi.start({ DATABASE_POOL_SIZE: String(POOL) });
    world = await buildWorld(api);
  });

  afterAll(async () => {
    await api.stop();
  });

  it('gives each case to exactly one claimer: 200 once, 409 for the same bank, 404 for another, no 5xx', async () => {
    const actors = await buildActors(api, world);
    const owners = await Promise.all(
      Array.from({ length: SAME_BANK }, () =>
        api.userToken('bank_manager', { organizationId: world.henanBankId, regionCode: '410100' }),
      ),
    );
    const others = await Promise.all(
      Array.from({ length: OTHER_BANK }, () =>
        api.userToken('bank_manager', { organizationId: world.hubeiBankId, regionCode: '420100' }),
      ),
    );
    const visitId = await recordVisit(api, actors.officer, {
      campaignId: world.provinceCampaignId,
      enterpriseId: world.henanEnterpriseId,
    });
    const caseIds: string[] = [];
    for (let i = 0; i < CASES; i += 1) caseIds.push(String((await diagnose(api, actors.officer, { visitId }))['id']));

    const counts = { ok: 0, conflict: 0, notFound: 0, serverError: 0, other: 0 };
    const winners = new Map<string, string>();
    const BATCH = 10;
    for (let start = 0; start < CASES; start += BATCH) {
      const batch = caseIds.slice(start, start + BATCH);
      const attempts = batch.flatMap((caseId) => [
        ...owners.map((o) => ({ caseId, user: o, sameBank: true })),
        ...others.map((o) => ({ caseId, user: o, sameBank: false })),
      ]);
      const results = await Promise.all(
        attempts.map(async (a) => ({
          ...a,
          status: (await api.request('POST', `/api/v1/cases/${a.caseId}/claim`, { token: a.user.token, body: {} }))
            .status,
        })),
      );
      for (const r of results) {
        if (r.status === 200) {
          counts.ok += 1;
          expect(r.sameBank).toBe(true);
          expect(winners.has(r.caseId)).toBe(false);
          winners.set(r.caseId, r.user.userId);
        } else if (r.status === 409) {
          counts.conflict += 1;
          expect(r.sameBank).toBe(true);
        } else if (r.status === 404) {
          counts.notFound += 1;
          expect(r.sameBank).toBe(false);
        } else if (r.status >= 500) counts.serverError += 1;
        else counts.other += 1;
      }
    }
    console.log(
      `claim race: ${CASES} cases × (${SAME_BANK} same-bank + ${OTHER_BANK} other-bank) claims, DB pool ${POOL}: ` +
        `${counts.ok} × 200, ${counts.conflict} × 409, ${counts.notFound} × 404, ${counts.serverError} × 5xx, ${counts.other} other`,
    );
    expect(counts).toEqual({
      ok: CASES,
      conflict: CASES * (SAME_BANK - 1),
      notFound: CASES * OTHER_BANK,
      serverError: 0,
      other: 0,
    });

    const rows = await api.dataSource.query<
      { id: string; claimed_by_user_id: string; events: string; actor: string }[]
    >(
      `SELECT c.id, c.claimed_by_user_id, count(e.id)::text AS events, min(e.actor_user_id::text) AS actor
         FROM cases c JOIN case_events e ON e.case_id = c.id AND e.type = 'claimed'
        WHERE c.id = ANY($1) GROUP BY c.id`,
      [caseIds],
    );
    expect(rows).toHaveLength(CASES);
    for (const row of rows) {
      expect(row.events).toBe('1');
      expect(row.actor).toBe(row.claimed_by_user_id);
      expect(winners.get(row.id)).toBe(row.claimed_by_user_id);
    }
  }, 300_000);
});
