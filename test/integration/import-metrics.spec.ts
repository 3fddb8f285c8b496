import type { INestApplicationContext } from '@nestjs/common';
import { ManualClock } from '@unblock/domain';
import { IMPORT_ROWS, ImportRunner } from '@unblock/imports';
import { buildWorld, newUscc } from '../support/fixtures';
import { importsContext, multipart } from '../support/imports-context';
import { TestApi } from '../support/test-api';

/** The import rows counter (the worker's `unblock_import_rows_total`) counts what a run commits. */
describe('unblock_import_rows_total', () => {
  const clock = new ManualClock(new Date('2026-06-02T02:00:00Z'));
  let api: TestApi;
  let context: INestApplicationContext;

  beforeAll(async () => {
    api = await TestApi.start({}, { clock });
    context = await importsContext(api, clock);
    await buildWorld(api);
  });

  afterAll(async () => {
    await context.close();
    await api.stop();
  });

  const rows = async (outcome: string): Promise<number> =>
    (await IMPORT_ROWS.get()).values.find((v) => v.labels.kind === 'enterprises' && v.labels.outcome === outcome)
      ?.value ?? 0;

  it('moves by the rows accepted and rejected once their batches commit', async () => {
    const [accepted, rejected] = [await rows('accepted'), await rows('rejected')];
    const csv = [
      'uscc,name,regionCode,size',
      `${newUscc('410102')},郑州甲厂,410102,small`,
      `${newUscc('410102')},郑州乙厂,410102,micro`,
      `${newUscc('410102')},无区,419999,micro`,
    ].join('\n');
    const admin = (await api.userToken('admin')).token;
    const upload = multipart(csv, 'enterprises.csv');
    const answer = await api.app.inject({
      method: 'POST',
      url: '/api/v1/imports/enterprises',
      headers: { authorization: `Bearer ${admin}`, ...upload.headers },
      payload: upload.payload,
    });
    expect(answer.statusCode).toBe(202);
    const id = String((JSON.parse(answer.body) as { id: string }).id);
    expect(await context.get(ImportRunner).run(id, 1, { batchRows: 2 })).toEqual({
      done: expect.any(String) as string,
    });
    expect(await rows('accepted')).toBe(accepted + 2);
    expect(await rows('rejected')).toBe(rejected + 1);
  });
});
