import { ManualClock, type Actor } from '@unblock/domain';
import { buildActors, diagnose, recordVisit, type Actors } from '../support/case-fixtures';
import { buildWorld, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';
import { expectAsBaseTables } from './reports-fixture';

type Body = Record<string, unknown>;

const CONTRACT = {
  amount: '100000.00',
  annualRatePct: '3.6',
  termMonths: 12,
  signedOn: '2026-06-05',
  contractNo: 'X-1',
};

/** Loan outcomes: what a contract records, the first-loan check, and the reports' breakdown of signed loans. */
describe('loan outcomes', () => {
  let api: TestApi;
  let world: World;
  let actors: Actors;
  let guarantorId: string;
  let visitId: string;

  const act = (token: string, id: string, action: string, body: object = {}) =>
    api.request<Body>('POST', `/api/v1/cases/${id}/${action}`, { token, body });

  /** A case of the Henan enterprise, claimed and approved by the lead bank. */
  const approvedCase = async (): Promise<string> => {
    const id = String((await diagnose(api, actors.officer, { visitId }))['id']);
    expect((await act(actors.leadManager, id, 'claim')).status).toBe(200);
    expect((await act(actors.leadManager, id, 'milestones', { type: 'contacted' })).status).toBe(200);
    expect((await act(actors.leadManager, id, 'approve')).status).toBe(200);
    return id;
  };

  const contractsOf = (caseId: string) =>
    api.dataSource.query<{ contract_no: string; first_loan: boolean; first_loan_declared: boolean }[]>(
      `SELECT contract_no, first_loan, first_loan_declared FROM loan_contracts WHERE case_id = $1 ORDER BY contract_no`,
      [caseId],
    );

  beforeAll(async () => {
    api = await TestApi.start({}, { clock: new ManualClock(new Date('2026-06-20T02:00:00Z')) });
    world = await buildWorld(api);
    actors = await buildActors(api, world);
    const guarantor = await api.request<Body>('POST', '/api/v1/organizations', {
      token: world.adminToken,
      body: { kind: 'guarantee_institution', name: '河南省融资担保集团', regionCode: '410100' },
    });
    guarantorId = String(guarantor.body['id']);
    visitId = await recordVisit(api, actors.officer, {
      campaignId: world.provinceCampaignId,
      enterpriseId: world.henanEnterpriseId,
    });
  });

  afterAll(async () => {
    await api.stop();
  });

  it('refuses bad outcome fields with a 400 naming the field, and writes nothing', async () => {
    const id = await approvedCase();
    const bad: [string, object][] = [
      ['contracts.0.guaranteeInstitutionId', { security: 'guarantee', guaranteeFeeRatePct: '1' }],
      ['contracts.0.guaranteeFeeRatePct', { security: 'guarantee', guaranteeInstitutionId: guarantorId }],
      [
        'contracts.0.guaranteeFeeRatePct',
        { security: 'guarantee', guaranteeInstitutionId: guarantorId, guaranteeFeeRatePct: '10.5' },
      ],
      [
        'contracts.0.guaranteeFeeRatePct',
        { security: 'guarantee', guaranteeInstitutionId: guarantorId, guaranteeFeeRatePct: '-1' },
      ],
      // A bank is not a guarantee institution.
      [
        'contracts.0.guaranteeInstitutionId',
        { security: 'guarantee', guaranteeInstitutionId: world.henanBankId, guaranteeFeeRatePct: '1' },
      ],
      ['contracts.0.guaranteeInstitutionId', { security: 'credit', guaranteeInstitutionId: guarantorId }],
      ['contracts.0.guaranteeFeeRatePct', { security: 'collateral', guaranteeFeeRatePct: '1' }],
      ['contracts.0.maturesOn', { maturesOn: '2026-06-05' }],
      ['contracts.0.maturesOn', { maturesOn: '2026-05-31' }],
      ['contracts.0.maturesOn', { maturesOn: '2026-02-30' }],
      ['contracts.0.policyInstruments', { policyInstruments: ['tax_rebate'] }],
      ['contracts.0.policyInstruments', { policyInstruments: ['relending', 'relending'] }],
      ['contracts.0.security', { security: 'pledge' }],
      ['contracts.0.renewal', { renewal: 'rollover' }],
      ['contracts.0.firstLoan', { firstLoan: 'yes' }],
    ];
    for (const [field, fields] of bad) {
      const response = await act(actors.leadManager, id, 'loans', { contracts: [{ ...CONTRACT, ...fields }] });
      expect({ fields, status: response.status, errors: response.body['errors'] }).toEqual({
        fields,
        status: 400,
        errors: expect.arrayContaining([expect.objectContaining({ field })]) as unknown,
      });
    }
    expect(await contractsOf(id)).toEqual([]);
    const detail = await api.request<Body>('GET', `/api/v1/cases/${id}`, { token: actors.leadManager });
    expect(detail.body['status']).toBe('approved');
    await act(actors.leadManager, id, 'close', { resolution: 'withdrawn' });
  });

  it('counts a declared first loan only when no earlier contract of the enterprise is known', async () => {
    // A: declared first, signed on the 10th.
    const a = await approvedCase();
    const signedA = await act(actors.leadManager, a, 'loans', {
      contracts: [
        {
          amount: '1000000.00',
          annualRatePct: '3.450',
          termMonths: 12,
          signedOn: '2026-06-10',
          maturesOn: '2027-06-10',
          contractNo: 'K1',
          firstLoan: true,
          security: 'credit',
          policyInstruments: ['relending', 'interest_subsidy'],
        },
      ],
    });
    expect(signedA.status).toBe(200);
    expect(await contractsOf(a)).toEqual([{ contract_no: 'K1', first_loan: true, first_loan_declared: true }]);

    // B: two banks on the 3rd, both declared first: they are, and A (signed later) no longer is.
    const b = await approvedCase();
    const signedB = await act(actors.leadManager, b, 'loans', {
      contracts: [
        {
          amount: '500000.50',
          annualRatePct: '4.200',
          termMonths: 24,
          signedOn: '2026-06-03',
          contractNo: 'K2',
          firstLoan: true,
          security: 'guarantee',
          guaranteeInstitutionId: guarantorId,
          guaranteeFeeRatePct: '1.000',
          renewal: 'renewal_without_repayment',
          policyInstruments: ['guarantee_fee_subsidy', 'risk_compensation'],
        },
        {
          bankId: world.henanBank2Id,
          amount: '250000.25',
          annualRatePct: '3.600',
          termMonths: 24,
          signedOn: '2026-06-03',
          contractNo: 'K3',
          firstLoan: true,
          security: 'guarantee',
          guaranteeInstitutionId: guarantorId,
          guaranteeFeeRatePct: '0.5',
          renewal: 'renewal',
        },
      ],
    });
    expect(signedB.status).toBe(200);
    expect(await contractsOf(b)).toEqual([
      { contract_no: 'K2', first_loan: true, first_loan_declared: true },
      { contract_no: 'K3', first_loan: true, first_loan_declared: true },
    ]);
    expect(await contractsOf(a)).toEqual([{ contract_no: 'K1', first_loan: false, first_loan_declared: true }]);

    // C: collateral, not declared first; D: declared first after known loans: not first.
    const c = await approvedCase();
    await act(actors.leadManager, c, 'loans', {
      contracts: [
        {
          ...CONTRACT,
          amount: '300000.00',
          annualRatePct: '5',
          signedOn: '2026-06-15',
          contractNo: 'K4',
          security: 'collateral',
        },
      ],
    });
    expect(await contractsOf(c)).toEqual([{ contract_no: 'K4', first_loan: false, first_loan_declared: false }]);

    // The case page shows what was recorded, the guarantee institution by name.
    const page = await api.request<Body>('GET', `/api/v1/cases/${b}`, { token: actors.leadManager });
    expect((page.body['loans'] as Body[])[0]).toMatchObject({
      contractNo: 'K2',
      firstLoanDeclared: true,
      firstLoan: true,
      security: 'guarantee',
      guaranteeInstitutionId: guarantorId,
      guaranteeInstitutionName: '河南省融资担保集团',
      guaranteeFeeRatePct: '1.000',
      renewal: 'renewal_without_repayment',
      policyInstruments: ['guarantee_fee_subsidy', 'risk_compensation'],
      maturesOn: null,
    });
    const pageA = await api.request<Body>('GET', `/api/v1/cases/${a}`, { token: actors.leadManager });
    expect((pageA.body['loans'] as Body[])[0]).toMatchObject({ maturesOn: '2027-06-10', firstLoan: false });
  });

  it('breaks the signed loans down exactly: counts, amounts, shares and rates weighted by amount', async () => {
    const none = { count: 0, amount: '0.00', share: '0.0000' };
    const summary = await api.request<Body>('GET', `/api/v1/reports/summary?campaignId=${world.provinceCampaignId}`, {
      token: world.adminToken,
    });
    expect(summary.status).toBe(200);
    const all = {
      signedCount: 4,
      signedAmount: '2050000.75',
      // (1000000 × 3.45 + 500000.50 × 4.2 + 250000.25 × 3.6 + 300000 × 5) / 2050000.75 = 3.87804…
      averageRatePct: '3.8780',
      firstLoans: { count: 2, amount: '750000.75', share: '0.3659' },
      creditLoans: { count: 1, amount: '1000000.00', share: '0.4878' },
      collateralLoans: { count: 1, amount: '300000.00', share: '0.1463' },
      // (500000.50 × 1 + 250000.25 × 0.5) / 750000.75 = 0.83333…
      guaranteedLoans: { count: 2, amount: '750000.75', share: '0.3659', averageFeeRatePct: '0.8333' },
      renewals: { count: 2, amount: '750000.75', share: '0.3659' },
      renewalsWithoutRepayment: { count: 1, amount: '500000.50', share: '0.2439' },
      relending: { count: 1, amount: '1000000.00', share: '0.4878' },
      interestSubsidy: { count: 1, amount: '1000000.00', share: '0.4878' },
      riskCompensation: { count: 1, amount: '500000.50', share: '0.2439' },
      guaranteeFeeSubsidy: { count: 1, amount: '500000.50', share: '0.2439' },
    };
    expect(summary.body['loanOutcomes']).toEqual(all);
    // By dates (the day rollups) and by a supervisor of the province: the same.
    const june = await api.request<Body>('GET', '/api/v1/reports/summary?from=2026-06-01&to=2026-06-30', {
      token: actors.supervisor,
    });
    expect(june.body['loanOutcomes']).toEqual(all);

    const chains = await api.request<Body[]>('GET', '/api/v1/reports/chains', { token: world.adminToken });
    expect(chains.body.find((c) => c['chainId'] === world.henanChainId)?.['loanOutcomes']).toEqual(all);

    const banks = await api.request<Body[]>('GET', '/api/v1/reports/banks', { token: world.adminToken });
    const lead = banks.body.find((b) => b['bankId'] === world.henanBankId)?.['loanOutcomes'];
    expect(lead).toEqual({
      signedCount: 3,
      signedAmount: '1800000.50',
      averageRatePct: '3.9167',
      firstLoans: { count: 1, amount: '500000.50', share: '0.2778' },
      creditLoans: { count: 1, amount: '1000000.00', share: '0.5556' },
      collateralLoans: { count: 1, amount: '300000.00', share: '0.1667' },
      guaranteedLoans: { count: 1, amount: '500000.50', share: '0.2778', averageFeeRatePct: '1.0000' },
      renewals: { count: 1, amount: '500000.50', share: '0.2778' },
      renewalsWithoutRepayment: { count: 1, amount: '500000.50', share: '0.2778' },
      relending: { count: 1, amount: '1000000.00', share: '0.5556' },
      interestSubsidy: { count: 1, amount: '1000000.00', share: '0.5556' },
      riskCompensation: { count: 1, amount: '500000.50', share: '0.2778' },
      guaranteeFeeSubsidy: { count: 1, amount: '500000.50', share: '0.2778' },
    });
    const hubei = banks.body.find((b) => b['bankId'] === world.hubeiBankId)?.['loanOutcomes'];
    expect(hubei).toMatchObject({ signedCount: 0, averageRatePct: null, firstLoans: { ...none, share: null } });

    // The exports carry them with Chinese headers: 万元 beside yuan, shares as percents.
    const csv = await api.request('GET', `/api/v1/reports/summary?campaignId=${world.provinceCampaignId}`, {
      token: world.adminToken,
      headers: { accept: 'text/csv' },
    });
    const text = csv.body as unknown as string;
    expect(text).toContain('首贷金额（元）,750000.75,75.000075');
    expect(text).toContain('首贷金额占比,36.59%');
    expect(text).toContain('加权平均利率（%）,3.8780');
    expect(text).toContain('担保贷款平均担保费率（%）,0.8333');
    const bankCsv = await api.request('GET', '/api/v1/reports/banks', {
      token: world.adminToken,
      headers: { accept: 'text/csv' },
    });
    expect((bankCsv.body as unknown as string).split('\r\n')[0]).toContain(
      '无还本续贷笔数,无还本续贷金额（元）,无还本续贷金额（万元）',
    );

    // The bank manager reads their own bank's.
    const mine = await api.request<Body>('GET', '/api/v1/reports/summary', { token: actors.leadManager });
    expect(mine.body['loanOutcomes']).toEqual(lead);
  });

  it('answers from the rollups exactly as from the base tables', async () => {
    const readers: Actor[] = [
      { userId: 'admin', role: 'admin', organizationId: null, regionCode: null },
      { userId: 'supervisor', role: 'supervisor', organizationId: world.regulatorId, regionCode: '410000' },
      { userId: 'bank', role: 'bank_manager', organizationId: world.henanBankId, regionCode: '410100' },
    ];
    for (const reader of readers) {
      await expectAsBaseTables(api, reader, { campaignId: world.provinceCampaignId }, ['summary', 'chains', 'banks']);
      await expectAsBaseTables(api, reader, { from: '2026-06-03', to: '2026-06-10' }, ['summary', 'banks']);
    }
  });
});
