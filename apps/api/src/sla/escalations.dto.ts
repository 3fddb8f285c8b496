import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ESCALATION_STATUSES, type EscalationLevel, type EscalationStatus } from '@unblock/domain';
import { IsRegionCode, PageQueryDto } from '@unblock/http';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/u.test(value) ? Number(value) : value;

export class ListEscalationsQueryDto extends PageQueryDto {
  @IsOptional()
  @Transform(toInt)
  @IsIn([1, 2])
  level?: EscalationLevel;

  @IsOptional()
  @IsIn(ESCALATION_STATUSES)
  status?: EscalationStatus;

  @IsOptional()
  @IsUUID()
  bankId?: string;

  @IsOptional()
  @IsUUID()
  chainId?: string;

  @IsOptional()
  @IsRegionCode()
  regionCode?: string;
}
