import type { Actors } from '../support/case-fixtures';
import type { World } from '../support/fixtures';
import type { TestApi } from '../support/test-api';
import { startReportsWorld, type Figures } from './reports-fixture';

/** The reports per chain and per bank. */
describe('campaign reports', () => {
  let api: TestApi;
  let world: World;
  let actors: Actors;

  beforeAll(async () => {
    ({ api, world, actors } = await startReportsWorld());
  });

  afterAll(async () => {
    await api.stop();
  });

  it('breaks the figures down per chain, with its lead and deputy bank', async () => {
    const chains = await api.request<(Figures & { chainId: string; leadBankName: string; deputyBankName: string })[]>(
      'GET',
      '/api/v1/reports/chains',
      { token: actors.supervisor },
    );
    const henan = chains.body.find((c) => c.chainId === world.henanChainId);
    expect(henan).toMatchObject({
      leadBankName: '郑州银行',
      deputyBankName: '中原银行',
      signedAmount: '3200000.04',
      visits: 2,
      funnel: {
        claimed: 2,
        approved: 2,
        signed: 2,
        declined: 1,
        declinesByReason: [{ reason: 'credit_risk', name: '信用风险较高', count: 1 }],
        repaired: 0,
      },
    });
    expect(chains.body.some((c) => c.chainId === world.hubeiChainId)).toBe(false);
  });

  it('breaks the figures down per bank: claims on time, declines, escalations, signed', async () => {
    const banks = await api.request<
      {
        bankId: string;
        claims: number;
        claimsOnTime: number;
        claimOnTimeRate: string | null;
        declines: number;
        signedAmount: string;
      }[]
    >('GET', '/api/v1/reports/banks', { token: actors.supervisor });
    const lead = banks.body.find((b) => b.bankId === world.henanBankId);
    const deputy = banks.body.find((b) => b.bankId === world.henanBank2Id);
    expect(lead).toMatchObject({
      claims: 1,
      claimsOnTime: 1,
      claimOnTimeRate: '1.0000',
      declines: 1,
      signedAmount: '1500000.05',
    });
    expect(deputy).toMatchObject({ claims: 1, declines: 0, signedAmount: '1699999.99' });
    // The lead bank declined B (credit risk) and holds A; the deputy holds B, claimed, approved and signed.
    expect(lead).toMatchObject({
      funnel: {
        claimed: 1,
        approved: 1,
        signed: 1,
        declined: 1,
        declinesByReason: [{ reason: 'credit_risk', name: '信用风险较高', count: 1 }],
      },
    });
    expect(deputy).toMatchObject({ funnel: { claimed: 1, approved: 1, signed: 1, declined: 0, declinesByReason: [] } });
    const own = await api.request<{ bankId: string }[]>('GET', '/api/v1/reports/banks', { token: actors.leadManager });
    expect(own.body.map((b) => b.bankId)).toEqual([world.henanBankId]);
  });
});
