import { ManualClock } from '@unblock/domain';
import { buildActors, diagnose, recordVisit, type Actors } from '../support/case-fixtures';
import { buildWorld, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';

/** Text a spreadsheet would run as a formula, and the CSV cell each must come out as (each fits a case's resolution). */
const DANGEROUS: [string, string][] = [
  ['-1+1', `'-1+1`],
  ['=HYPERLINK("//e.x","点击")', `"'=HYPERLINK(""//e.x"",""点击"")"`],
  ['@SUM(1)', `'@SUM(1)`],
  ['+1+1', `'+1+1`],
  ['\tx', `'\tx`],
  ['\rx', `"'\rx"`],
];

describe('CSV exports: cells that begin like a formula are escaped (OWASP CSV injection)', () => {
  const clock = new ManualClock(new Date('2026-06-01T02:00:00Z'));
  let api: TestApi;
  let world: World;
  let actors: Actors;

  beforeAll(async () => {
    api = await TestApi.start({}, { clock });
    world = await buildWorld(api);
    actors = await buildActors(api, world);
  });

  afterAll(async () => {
    await api.stop();
  });

  const csv = async (url: string, token: string, language = 'zh-CN'): Promise<string> => {
    const response = await api.request('GET', url, {
      token,
      headers: { accept: 'text/csv', 'accept-language': language },
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/u);
    return response.body as unknown as string;
  };

  it('escapes bank names in /reports/banks', async () => {
    for (const [name] of DANGEROUS) {
      await api.dataSource.query(`INSERT INTO organizations (kind, name, region_code) VALUES ('bank', $1, '410100')`, [
        name,
      ]);
    }
    const text = await csv('/api/v1/reports/banks', world.adminToken);
    // The bank's name is the first column (the export names banks; it carries no ids).
    const cells = text.split('\r\n').map((line) => line.split(',')[0]);
    for (const [name, escaped] of DANGEROUS) {
      expect([name, text.includes(`\n${escaped},`)]).toEqual([name, true]);
      expect(cells).not.toContain(name);
    }
    // Figures stay numbers.
    // The funnel columns follow (none matched, approved, signed; no declines), then the enterprises' feedback:
    // none answered, no share, no rating.
    // Then the signed loans by kind: no rate, none of any kind.
    expect(text).toMatch(/\n'-1\+1,0,0,0,,0,0,0\.00,0,0\.00,0,0,0,0,0,,0,,0,0,,,0,0\.00,0,,/u);
  });

  it('escapes text columns in /cases', async () => {
    const visitId = await recordVisit(api, actors.officer, {
      campaignId: world.provinceCampaignId,
      enterpriseId: world.henanEnterpriseId,
    });
    for (const [text] of DANGEROUS) {
      const created = await diagnose(api, actors.officer, { visitId });
      await api.dataSource.query('UPDATE cases SET resolution = $2 WHERE id = $1', [String(created['id']), text]);
    }
    const text = await csv('/api/v1/cases?limit=200', actors.supervisor);
    for (const [value, escaped] of DANGEROUS) {
      expect([value, text.includes(`,${escaped},`)]).toEqual([value, true]);
    }
    expect(text).not.toMatch(/,-1\+1,|,@SUM|,=HYPERLINK|,\tx|,\rx/u);
  });

  it('escapes the same cells in an English export', async () => {
    const banks = await csv('/api/v1/reports/banks', world.adminToken, 'en');
    expect(banks.startsWith('\uFEFFBank,')).toBe(true);
    const cases = await csv('/api/v1/cases?limit=200', actors.supervisor, 'en');
    expect(cases.startsWith('\uFEFFCase number,')).toBe(true);
    for (const [value, escaped] of DANGEROUS) {
      expect([value, banks.includes(`\n${escaped},`), cases.includes(`,${escaped},`)]).toEqual([value, true, true]);
    }
    expect(cases).not.toMatch(/,-1\+1,|,@SUM|,=HYPERLINK|,\tx|,\rx/u);
  });
});
