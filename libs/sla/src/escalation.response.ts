import type { EscalationEntity } from '@unblock/database';
import type { EscalationLevel, EscalationStatus, Obligation } from '@unblock/domain';

/** The case of an escalation as the queue names it: its number and its enterprise. */
export interface EscalationCase {
  readonly number: string;
  readonly enterpriseId: string;
  readonly enterpriseName: string;
}

export class EscalationResponse {
  id!: string;
  caseId!: string;
  /** The case's human number, e.g. C-2026-000123. */
  caseNumber!: string;
  enterpriseId!: string;
  enterpriseName!: string;
  obligation!: Obligation;
  level!: EscalationLevel;
  status!: EscalationStatus;
  /** The deadline that was missed. */
  dueAt!: string;
  openedAt!: string;
  /** How long past the deadline, in seconds, now (or when resolved). */
  overdueSeconds!: number;
  bankId!: string | null;
  chainId!: string | null;
  regionCode!: string;
  acknowledgedAt!: string | null;
  acknowledgedByUserId!: string | null;
  resolvedAt!: string | null;
  resolution!: string | null;
}

export function toEscalationResponse(e: EscalationEntity, of: EscalationCase, now: Date): EscalationResponse {
  const until = e.resolvedAt ?? now;
  return {
    id: e.id,
    caseId: e.caseId,
    caseNumber: of.number,
    enterpriseId: of.enterpriseId,
    enterpriseName: of.enterpriseName,
    obligation: e.obligation,
    level: e.level,
    status: e.status,
    dueAt: e.dueAt.toISOString(),
    openedAt: e.openedAt.toISOString(),
    overdueSeconds: Math.max(0, Math.floor((until.getTime() - e.dueAt.getTime()) / 1000)),
    bankId: e.bankId,
    chainId: e.chainId,
    regionCode: e.regionCode,
    acknowledgedAt: e.acknowledgedAt?.toISOString() ?? null,
    acknowledgedByUserId: e.acknowledgedByUserId,
    resolvedAt: e.resolvedAt?.toISOString() ?? null,
    resolution: e.resolution,
  };
}
