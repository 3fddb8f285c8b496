import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CampaignEntity,
  EnterpriseEntity,
  EnterpriseLinkEntity,
  PORTAL_CASES,
  PORTAL_CONTRACTS,
  RegionEntity,
} from '@unblock/database';
import {
  Clock,
  WEEKENDS_ONLY,
  isWithinRegion,
  localDate,
  type CaseKind,
  type CaseStatus,
  type ScreeningCriterion,
  type Purpose,
  type Term,
} from '@unblock/domain';
import { DataSource, LessThanOrEqual, MoreThanOrEqual, type EntityManager } from 'typeorm';
import type { PortalAccess } from './portal-access';
import type {
  PortalCampaignResponse,
  PortalCaseResponse,
  PortalLoanResponse,
  PortalMeResponse,
  PortalOutcome,
} from './portal.response';

interface PortalContractRow {
  id: string;
  case_id: string;
  contract_no: string;
  amount: string;
  signed_on: string;
  matures_on: string | null;
  bank_name: string;
  renewal_case_id: string | null;
  renewal_case_number: string | null;
}

interface PortalCaseRow {
  id: string;
  number: string;
  kind: CaseKind;
  status: CaseStatus;
  requested_amount: string;
  purpose: Purpose;
  term: Term;
  created_at: Date;
  due_at: Date | null;
  paused_at: Date | null;
  campaign_name: string;
  bank_name: string | null;
  decline_reason: string | null;
  decline_text: string | null;
  decline_reason_name: string | null;
  repair_path: string | null;
  unmet_criteria: ScreeningCriterion[];
  outcome_declined: boolean;
  ever_claimed: boolean;
  contact_confirmed: boolean | null;
  score: number | null;
  comment: string | null;
}

/** How narrow a region is: the fewer trailing zero pairs of its code, the narrower. */
function breadth(regionCode: string): number {
  return /0000$/u.test(regionCode) ? 2 : /00$/u.test(regionCode) ? 1 : 0;
}

function outcomeOf(row: PortalCaseRow): PortalOutcome | null {
  if (row.status === 'loan_signed' || row.status === 'closed') return row.status;
  return row.outcome_declined ? 'declined' : null;
}

/** What an enterprise's own page reads: itself, its campaigns, its needs. Never another enterprise's. */
@Injectable()
export class PortalQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async me(access: PortalAccess): Promise<PortalMeResponse> {
    const manager = this.dataSource.manager;
    const enterprise = await manager.findOneByOrFail(EnterpriseEntity, { id: access.enterpriseId });
    const region = await manager.findOneBy(RegionEntity, { code: enterprise.regionCode });
    const link = await manager.findOneByOrFail(EnterpriseLinkEntity, { id: access.linkId });
    return {
      enterpriseId: enterprise.id,
      enterpriseName: enterprise.name,
      regionName: region?.name ?? enterprise.regionCode,
      linkExpiresAt: link.expiresAt.toISOString(),
      campaigns: await this.campaigns(manager, enterprise.regionCode),
    };
  }

  /** The campaigns running today (Shanghai) that cover `regionCode`: the narrowest, then the newest, first. */
  async campaigns(manager: EntityManager, regionCode: string): Promise<PortalCampaignResponse[]> {
    const today = localDate(this.clock.now(), WEEKENDS_ONLY);
    const running = await manager.find(CampaignEntity, {
      where: { startsOn: LessThanOrEqual(today), endsOn: MoreThanOrEqual(today) },
      order: { startsOn: 'DESC' },
    });
    return running
      .filter((c) => isWithinRegion(regionCode, c.regionCode))
      .sort((a, b) => breadth(a.regionCode) - breadth(b.regionCode))
      .map((c) => ({ id: c.id, name: c.name }));
  }

  async cases(access: PortalAccess): Promise<PortalCaseResponse[]> {
    const [rows, contracts] = await Promise.all([
      this.dataSource.query<PortalCaseRow[]>(PORTAL_CASES, [access.enterpriseId]),
      this.dataSource.query<PortalContractRow[]>(PORTAL_CONTRACTS, [access.enterpriseId]),
    ]);
    const today = localDate(this.clock.now(), WEEKENDS_ONLY);
    const loans = new Map<string, PortalLoanResponse[]>();
    for (const l of contracts) {
      const list = loans.get(l.case_id) ?? [];
      list.push({
        id: l.id,
        contractNo: l.contract_no,
        amount: l.amount,
        signedOn: l.signed_on,
        maturesOn: l.matures_on,
        bankName: l.bank_name,
        renewable: l.matures_on !== null && l.matures_on >= today && l.renewal_case_id === null,
        renewalCaseId: l.renewal_case_id,
        renewalCaseNumber: l.renewal_case_number,
      });
      loans.set(l.case_id, list);
    }
    return rows.map((row) => {
      const outcome = outcomeOf(row);
      return {
        id: row.id,
        number: row.number,
        kind: row.kind,
        status: row.status,
        requestedAmount: row.requested_amount,
        purpose: row.purpose,
        term: row.term,
        campaignName: row.campaign_name,
        createdAt: new Date(row.created_at).toISOString(),
        bankName: row.bank_name,
        dueAt: row.due_at === null || row.paused_at !== null ? null : new Date(row.due_at).toISOString(),
        outcome,
        declineReason: row.decline_reason,
        declineReasonName: row.decline_reason_name,
        declineText: row.decline_text,
        repairPath: row.repair_path,
        unmetCriteria: row.unmet_criteria,
        contactAnswerable: row.ever_claimed && row.contact_confirmed === null,
        contactConfirmed: row.contact_confirmed,
        rateable: outcome !== null && row.score === null,
        score: row.score,
        comment: row.comment,
        loans: loans.get(row.id) ?? [],
      };
    });
  }

  /** One of the enterprise's needs; another enterprise's answers 404. */
  async case(access: PortalAccess, caseId: string): Promise<PortalCaseResponse | undefined> {
    return (await this.cases(access)).find((c) => c.id === caseId);
  }
}
