import { routeCase } from './routing';

const chain = { leadBankId: 'lead', deputyBankId: 'deputy', memberOrgIds: ['m2', 'm1', 'm3'] };

describe('"1+2+N" routing', () => {
  it('goes to the lead bank, then the deputy, then the pool of members', () => {
    expect(routeCase(chain, [], [])).toEqual({ tier: 1, bankId: 'lead', pool: [] });
    expect(routeCase(chain, [], ['lead'], 2)).toEqual({ tier: 2, bankId: 'deputy', pool: [] });
    expect(routeCase(chain, [], ['lead', 'deputy'], 3)).toEqual({ tier: 3, bankId: null, pool: ['m1', 'm2', 'm3'] });
  });

  it('skips a tier whose bank has already declined', () => {
    expect(routeCase(chain, [], ['deputy'], 2)).toEqual({ tier: 3, bankId: null, pool: ['m1', 'm2', 'm3'] });
  });

  it('takes the members who declined out of the pool, and answers null when none is left', () => {
    expect(routeCase(chain, [], ['lead', 'deputy', 'm2'], 3)?.pool).toEqual(['m1', 'm3']);
    expect(routeCase(chain, [], ['lead', 'deputy', 'm1', 'm2', 'm3'], 3)).toBeNull();
  });

  it('sends an enterprise without a chain to the pool of its region’s banks', () => {
    expect(routeCase(null, ['b2', 'b1'], [])).toEqual({ tier: 3, bankId: null, pool: ['b1', 'b2'] });
    expect(routeCase(null, [], [])).toBeNull();
  });
});
