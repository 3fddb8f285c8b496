import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApproveCaseUseCase,
  ClaimCaseUseCase,
  CloseCaseUseCase,
  DeclineCaseUseCase,
  DiagnoseCaseUseCase,
  OpenRepairUseCase,
  PauseCaseUseCase,
  RecordMilestoneUseCase,
  RecordVisitUseCase,
  RequestRenewalUseCase,
  SignLoansUseCase,
} from '@unblock/cases';
import { EnterpriseEntity, LoanContractEntity, OrganizationEntity, UserEntity, VisitEntity } from '@unblock/database';
import {
  Clock,
  ManualClock,
  WEEKENDS_ONLY,
  localDate,
  type Actor,
  type Bottleneck,
  type Purpose,
  type Term,
  type VisitKind,
} from '@unblock/domain';
import { ReportRollups } from '@unblock/reports';
import { DataSource } from 'typeorm';
import {
  DEMO_BANKS,
  DEMO_BANK_MANAGERS,
  DEMO_FIELD_OFFICERS,
  DEMO_TAX_BUREAU,
  DEMO_VISIT_SUMMARIES,
  demoEnterprises,
} from './demo-data';
import { SeededRandom } from './seeded-random';

const DAY_MS = 86_400_000;

/** A need as a field officer diagnosed it, some days before now. */
interface Need {
  readonly enterprise: number;
  readonly daysAgo: number;
  readonly amount: string;
  readonly purpose: Purpose;
  readonly term: Term;
  readonly bottlenecks: readonly Bottleneck[];
  readonly note: string;
}

/**
 * The demo campaign's history, played through the use cases the API calls, on a clock set back to when each
 * thing happened: a few hundred visits over the year, and needs at every stage. The demo bank manager's bank
 * holds cases as lead bank (主办行), as deputy (协办行, after the lead declined) and in pools (成员机构池); some
 * deadlines have passed, so the worker's sweeper opens their escalations (督办) when it starts.
 */
@Injectable()
export class DemoActivity {
  private now = new Date();
  private campaignId = '';
  private readonly enterpriseIds: string[] = [];
  private readonly banks: string[] = [];
  private readonly managers: Actor[] = [];
  private readonly officers: Actor[] = [];
  private supervisor: Actor | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly recordVisit: RecordVisitUseCase,
    private readonly diagnose: DiagnoseCaseUseCase,
    private readonly claim: ClaimCaseUseCase,
    private readonly milestone: RecordMilestoneUseCase,
    private readonly approve: ApproveCaseUseCase,
    private readonly sign: SignLoansUseCase,
    private readonly pause: PauseCaseUseCase,
    private readonly decline: DeclineCaseUseCase,
    private readonly close: CloseCaseUseCase,
    private readonly openRepair: OpenRepairUseCase,
    private readonly requestRenewal: RequestRenewalUseCase,
    private readonly rollups: ReportRollups,
  ) {}

  /** Plays the history once: a campaign that has visits already is left as it is. Answers what it wrote. */
  async play(campaignId: string): Promise<{ visits: number; cases: number }> {
    if (await this.dataSource.getRepository(VisitEntity).existsBy({ campaignId })) return { visits: 0, cases: 0 };
    if (!(this.clock instanceof ManualClock)) throw new Error('the demo plays its history on a ManualClock');
    this.now = this.clock.now();
    this.campaignId = campaignId;
    await this.load();
    const visits = await this.visits();
    const cases = await this.cases();
    this.clock.set(this.now);
    await this.rollups.rebuild(campaignId);
    return { visits: visits + cases, cases };
  }

  private async load(): Promise<void> {
    const enterprises = this.dataSource.getRepository(EnterpriseEntity);
    for (const e of demoEnterprises())
      this.enterpriseIds.push((await enterprises.findOneByOrFail({ uscc: e.uscc })).id);
    const organizations = this.dataSource.getRepository(OrganizationEntity);
    for (const name of DEMO_BANKS) this.banks.push((await organizations.findOneByOrFail({ name })).id);
    const users = this.dataSource.getRepository(UserEntity);
    const actor = async (email: string): Promise<Actor> => {
      const user = await users.findOneByOrFail({ email });
      return { userId: user.id, role: user.role, organizationId: user.organizationId, regionCode: user.regionCode };
    };
    for (const m of DEMO_BANK_MANAGERS) this.managers.push(await actor(m.email));
    for (const o of DEMO_FIELD_OFFICERS) this.officers.push(await actor(o.email));
    this.supervisor = await actor('supervisor@demo.unblock');
  }

  private at(daysAgo: number): Date {
    const when = new Date(this.now.getTime() - daysAgo * DAY_MS);
    if (this.clock instanceof ManualClock) this.clock.set(when);
    return when;
  }

  private day(daysAgo: number): string {
    return localDate(new Date(this.now.getTime() - daysAgo * DAY_MS), WEEKENDS_ONLY);
  }

  /** About 300 visits by the city's field officers, spread over the campaign's months so far. */
  private async visits(): Promise<number> {
    const random = new SeededRandom(2026_1207);
    const kinds: readonly VisitKind[] = ['policy_promotion', 'on_site_diagnosis', 'follow_up'];
    const yearStart = `${this.day(0).slice(0, 4)}-01-01`;
    this.at(0);
    let written = 0;
    for (let n = 0; n < 300; n += 1) {
      const visitedOn = this.day(Math.floor(random.next() * 200) + 1);
      if (visitedOn < yearStart) continue;
      await this.recordVisit.execute({
        actor: random.pick(this.officers),
        campaignId: this.campaignId,
        enterpriseId: random.pick(this.enterpriseIds),
        visitedOn,
        kind: random.pick(kinds),
        summary: random.pick(DEMO_VISIT_SUMMARIES),
        clientRef: `demo-visit-${n}`,
      });
      written += 1;
    }
    return written;
  }

  /** A visit on the day, and the need diagnosed on it; routed at once by "1+2+N". */
  private async need(need: Need): Promise<string> {
    this.at(need.daysAgo);
    const officer = this.officers[need.enterprise % this.officers.length] ?? this.officer();
    const { visit } = await this.recordVisit.execute({
      actor: officer,
      campaignId: this.campaignId,
      enterpriseId: this.enterpriseIds[need.enterprise] ?? '',
      visitedOn: this.day(need.daysAgo),
      kind: 'on_site_diagnosis',
      summary: need.note,
      clientRef: `demo-need-${need.enterprise}`,
    });
    const created = await this.diagnose.execute({
      actor: officer,
      visitId: visit.id,
      requestedAmount: need.amount,
      purpose: need.purpose,
      term: need.term,
      bottlenecks: need.bottlenecks,
      note: need.note,
    });
    return created.id;
  }

  private officer(): Actor {
    const first = this.officers[0];
    if (first === undefined) throw new Error('the demo has field officers');
    return first;
  }

  private manager(bank: number): Actor {
    const actor = this.managers[bank];
    if (actor === undefined) throw new Error(`the demo has a manager at bank ${bank}`);
    return actor;
  }

  /** Works a case at `bank` up to `stage`, each step `gap` days after the one before, starting `daysAgo`. */
  private async work(
    caseId: string,
    bank: number,
    daysAgo: number,
    stage: 'claimed' | 'contacted' | 'due_diligence' | 'intention' | 'approved' | 'signed',
    amount = '0',
    /** A short loan (three months) maturing this many days from now, instead of a year's. */
    maturesInDays?: number,
  ): Promise<void> {
    const actor = this.manager(bank);
    const order = ['claimed', 'contacted', 'due_diligence', 'intention', 'approved', 'signed'] as const;
    const last = order.indexOf(stage);
    const gap = last === 0 ? 0 : Math.min(3, daysAgo / (last + 1));
    let when = daysAgo;
    this.at(when);
    await this.claim.execute({ caseId, actor });
    for (const step of order.slice(1, last + 1)) {
      when -= gap;
      this.at(when);
      if (step === 'contacted' || step === 'due_diligence') {
        await this.milestone.execute({ caseId, actor, type: step, note: DEMO_NOTES[step] });
      } else if (step === 'intention') {
        await this.milestone.execute({
          caseId,
          actor,
          type: 'intention',
          intentionAmount: amount,
          note: DEMO_NOTES.intention,
        });
      } else if (step === 'approved') {
        await this.approve.execute({ caseId, actor, note: '授信审批通过' });
      } else {
        await this.sign.execute({
          caseId,
          actor,
          contracts: [
            {
              amount,
              annualRatePct: '3.45',
              termMonths: 12,
              signedOn: this.day(when),
              contractNo: `LC-${this.day(when).replace(/-/gu, '')}-${caseId.slice(0, 6)}`,
              ...demoLoanOutcome(amount, this.day(when)),
              ...(maturesInDays === undefined ? {} : { termMonths: 3, maturesOn: this.day(-maturesInDays) }),
            },
          ],
        });
      }
    }
  }

  private async declineAt(
    caseId: string,
    bank: number,
    daysAgo: number,
    reason = 'outside_credit_policy',
  ): Promise<void> {
    this.at(daysAgo);
    await this.decline.execute({
      caseId,
      actor: this.manager(bank),
      reason,
      text: reason === 'outside_credit_policy' ? '超出本行授信政策' : undefined,
    });
  }

  /** Needs at every stage; the demo manager's bank (index 0) holds most of them. */
  private async cases(): Promise<number> {
    const wc = (
      enterprise: number,
      daysAgo: number,
      amount: string,
      note: string,
      bottlenecks: Bottleneck[],
    ): Need => ({
      enterprise,
      daysAgo,
      amount,
      purpose: 'working_capital',
      term: 'short',
      bottlenecks,
      note,
    });
    const eq = (enterprise: number, daysAgo: number, amount: string, note: string): Need => ({
      enterprise,
      daysAgo,
      amount,
      purpose: 'equipment_upgrade',
      term: 'medium_long',
      bottlenecks: ['collateral_shortage', 'high_financing_cost'],
      note,
    });
    let n = 0;
    const need = async (x: Need): Promise<string> => {
      n += 1;
      return this.need(x);
    };
    // At the demo manager's bank as lead bank (主办行): new, claimed, contacted, in due diligence, approved, signed.
    await need(wc(0, 0.1, '30000000.00', '原材料采购资金缺口', ['slow_approval']));
    await need(wc(1, 0.5, '8000000.00', '订单增长，流动资金不足', ['collateral_shortage']));
    await need(eq(13, 1, '5000000.00', '织机更新改造'));
    await this.work(await need(wc(12, 9, '2000000.00', '应收账款回款慢', ['weak_credit_history'])), 0, 8, 'claimed');
    await this.work(await need(eq(25, 4, '6000000.00', '印染设备节能改造')), 0, 3.9, 'contacted');
    await this.work(await need(eq(2, 20, '15000000.00', '电解铝产线升级')), 0, 19, 'intention', '12000000.00');
    await this.work(
      await need(wc(14, 30, '4000000.00', '铜材备货资金', ['guarantee_missing'])),
      0,
      29,
      'approved',
      '3500000.00',
    );
    await this.work(await need(eq(24, 60, '9000000.00', '轴承热处理线扩产')), 0, 58, 'signed', '8000000.00');
    await this.work(
      await need(wc(37, 25, '3000000.00', '出口订单备料', ['high_financing_cost'])),
      0,
      24,
      'signed',
      '3000000.00',
    );
    await this.work(await need(eq(36, 26, '7000000.00', '智能化车间建设')), 0, 25, 'contacted');
    const paused = await need(wc(26, 12, '2500000.00', '季节性备货', ['information_asymmetry']));
    await this.work(paused, 0, 11, 'contacted');
    this.at(8);
    await this.pause.execute({ caseId: paused, actor: this.manager(0), note: '企业停产检修，待复产后继续' });
    // As deputy (协办行): the chain's lead bank declined.
    await this.declineAt(await need(eq(3, 2, '10000000.00', '新能源汽车零部件产线')), 1, 1.5);
    const deputy = await need(wc(4, 6, '5000000.00', '光伏组件订单备料', ['slow_approval']));
    await this.declineAt(deputy, 2, 5);
    await this.work(deputy, 0, 4, 'contacted');
    await this.declineAt(await need(eq(15, 3, '4500000.00', '精密加工设备购置')), 1, 2.5);
    // In a second diagnosis (二次诊断): the lead bank declined for tax arrears; the tax bureau is repairing it.
    const repairing = await need(eq(3, 6, '6000000.00', '技改项目贷款'));
    await this.declineAt(repairing, 1, 5, 'tax_arrears');
    this.at(4);
    const taxBureau = await this.dataSource
      .getRepository(OrganizationEntity)
      .findOneByOrFail({ name: DEMO_TAX_BUREAU });
    await this.openRepair.execute({
      caseId: repairing,
      actor: this.supervisor ?? this.officer(),
      organizationId: taxBureau.id,
      note: '请协助企业办理欠税分期缴纳，完成后开具完税证明',
    });
    // In pools (成员机构池): lead and deputy declined, or the enterprise has no chain.
    for (const [enterprise, lead, deputyBank] of [
      [6, 4, 5],
      [8, 6, 7],
      [10, 8, 9],
    ] as const) {
      const id = await need(wc(enterprise, 3, '3000000.00', '技术改造资金需求', ['collateral_shortage']));
      await this.declineAt(id, lead, 2.5);
      await this.declineAt(id, deputyBank, 2);
      if (enterprise === 8) await this.work(id, 0, 1, 'claimed');
    }
    await need(wc(54, 1, '1000000.00', '小微企业周转贷款', ['policy_awareness']));
    await need(wc(55, 0.3, '800000.00', '首贷需求', ['weak_credit_history']));
    // Other banks' work, for the city's dashboard and the supervisor.
    await this.work(await need(wc(7, 10, '6000000.00', '粮食收购资金', ['slow_approval'])), 5, 9, 'claimed');
    await this.work(await need(eq(9, 45, '20000000.00', '新材料项目二期')), 7, 44, 'signed', '18000000.00');
    await this.work(await need(eq(11, 30, '5000000.00', '绿色建材生产线')), 9, 29, 'due_diligence');
    await this.work(await need(eq(19, 50, '12000000.00', '冷链仓储建设')), 5, 49, 'signed', '10000000.00');
    await need(wc(31, 0.8, '2000000.00', '流动资金周转', ['high_financing_cost']));
    // Short loans of the demo manager's bank maturing in the coming weeks (到期日历), one with its renewal (续贷).
    for (const [enterprise, days, amount] of [
      [12, 8, '2000000.00'],
      [24, 20, '5000000.00'],
      [37, 40, '3000000.00'],
    ] as const) {
      const id = await need(wc(enterprise, 75, amount, '短期流动资金贷款', ['slow_approval']));
      await this.work(id, 0, 74, 'signed', amount, days);
    }
    const renewing = await need(wc(14, 70, '4000000.00', '季节性流动资金贷款', ['high_financing_cost']));
    await this.work(renewing, 0, 69, 'signed', '4000000.00', 25);
    n += 1;
    this.at(1);
    const contract = await this.dataSource.getRepository(LoanContractEntity).findOneByOrFail({ caseId: renewing });
    await this.requestRenewal.execute({
      applicant: { actor: this.officer() },
      contractId: contract.id,
      withoutRepayment: true,
      note: '企业经营正常，申请无还本续贷',
    });
    const closed = await need(wc(56, 40, '500000.00', '企业已通过其他渠道融资', ['other']));
    this.at(30);
    await this.close.execute({
      caseId: closed,
      actor: this.supervisor ?? this.officer(),
      resolution: 'resolved_elsewhere',
      note: '企业已获得担保公司支持',
    });
    return n;
  }
}

/**
 * What a demo loan was: a year to maturity; the smaller ones first loans on credit with relending behind them,
 * the larger ones secured by collateral.
 */
function demoLoanOutcome(
  amount: string,
  signedOn: string,
): { maturesOn: string; firstLoan: boolean; security: 'credit' | 'collateral'; policyInstruments: 'relending'[] } {
  const small = Number(amount) < 5_000_000;
  return {
    maturesOn: `${Number(signedOn.slice(0, 4)) + 1}${signedOn.slice(4)}`,
    firstLoan: small,
    security: small ? 'credit' : 'collateral',
    policyInstruments: small ? ['relending'] : [],
  };
}

const DEMO_NOTES = {
  contacted: '已电话联系企业负责人，约定上门时间',
  due_diligence: '已完成实地尽职调查',
  intention: '与企业达成授信意向',
} as const;
