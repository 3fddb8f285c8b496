import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { REPAIR_OUTCOMES, REPAIR_TASK_STATUSES, type RepairOutcome, type RepairTaskStatus } from '@unblock/domain';
import { PageQueryDto } from '@unblock/http';
import { IsIsoDate, IsNote } from '../common/dto-validators';
import { CaseActionDto } from './cases.dto';

/** A repair task for an organization: a government department or a guarantee institution. */
export class OpenRepairDto extends CaseActionDto {
  @IsUUID()
  organizationId!: string;

  /** The last day to repair it (Shanghai); default: the SLA policy's `repair` duration (10 business days). */
  @IsOptional()
  @IsIsoDate()
  due?: string;
}

export class CompleteRepairDto {
  @IsIn(REPAIR_OUTCOMES)
  outcome!: RepairOutcome;

  /** Required when the cause is `not_repairable`: why. */
  @IsNote()
  note?: string;
}

export class ListRepairsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(REPAIR_TASK_STATUSES)
  status?: RepairTaskStatus;

  @IsOptional()
  @IsUUID()
  caseId?: string;
}
