import type { VisitEntity } from '@unblock/database';
import type { VisitKind } from '@unblock/domain';

export const VISIT_WARNINGS = ['recent_visit'] as const;
export type VisitWarning = (typeof VISIT_WARNINGS)[number];

export class VisitResponse {
  id!: string;
  campaignId!: string;
  enterpriseId!: string;
  regionCode!: string;
  /** ISO date. */
  visitedOn!: string;
  kind!: VisitKind;
  visitorUserId!: string;
  visitorOrganizationId!: string | null;
  summary!: string;
  clientRef!: string | null;
  createdAt!: string;
}

export class RecordedVisitResponse extends VisitResponse {
  /** `recent_visit`: the enterprise was visited in the 14 days before. */
  warnings!: VisitWarning[];
}

export function toVisitResponse(v: VisitEntity): VisitResponse {
  return {
    id: v.id,
    campaignId: v.campaignId,
    enterpriseId: v.enterpriseId,
    regionCode: v.regionCode,
    visitedOn: v.visitedOn,
    kind: v.kind,
    visitorUserId: v.visitorUserId,
    visitorOrganizationId: v.visitorOrganizationId,
    summary: v.summary,
    clientRef: v.clientRef,
    createdAt: v.createdAt.toISOString(),
  };
}
