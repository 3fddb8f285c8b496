import type { RepairTaskStatus } from '@unblock/domain';

/** A repair task as its organization, the supervisors and the case page read it: every reference by name. */
export class RepairTaskResponse {
  id!: string;
  caseId!: string;
  caseNumber!: string;
  enterpriseId!: string;
  enterpriseName!: string;
  organizationId!: string;
  organizationName!: string;
  /** The decline-reason code being repaired, with its name and repair path from the catalogue. */
  reasonCode!: string;
  reasonName!: string;
  repairPath!: string | null;
  /** The bank that declined, to which the case goes back once repaired. */
  declinedByOrganizationId!: string | null;
  declinedByOrganizationName!: string | null;
  dueAt!: string;
  /** `cancelled`: still open when its case left the second diagnosis (another task repaired it, or a supervisor acted). */
  status!: RepairTaskStatus;
  /** Open and past its due date. */
  overdue!: boolean;
  note!: string | null;
  openedAt!: string;
  openedByName!: string | null;
  completedAt!: string | null;
  completedByName!: string | null;
  outcomeNote!: string | null;
}
