import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** A new link to an enterprise's page (it rotates: the live one is revoked). */
export class CreateEnterpriseLinkDto {
  /** Days the link works, 1–365; 90 when left out. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  validDays?: number;
}
