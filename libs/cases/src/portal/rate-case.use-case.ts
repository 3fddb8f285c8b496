import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { INSERT_FEEDBACK_EVENT, LOCK_PORTAL_CASE, RATE_CASE, inTransaction } from '@unblock/database';
import { Clock, DomainError } from '@unblock/domain';
import { DataSource } from 'typeorm';
import type { PortalAccess } from './portal-access';
import { PortalQueries } from './portal.queries';
import type { PortalCaseResponse } from './portal.response';

export interface RateCaseCommand {
  readonly access: PortalAccess;
  readonly caseId: string;
  /** 1–5. */
  readonly score: number;
  readonly comment?: string | undefined;
}

/** The enterprise rates the service of a need, once, after its outcome is known (signed, closed, declined). */
@Injectable()
export class RateCaseUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly queries: PortalQueries,
  ) {}

  async execute(command: RateCaseCommand): Promise<PortalCaseResponse> {
    const { access, caseId } = command;
    if (!Number.isInteger(command.score) || command.score < 1 || command.score > 5) {
      throw DomainError.invalid('score', 'must be a whole number from 1 to 5');
    }
    const shown = await this.queries.case(access, caseId);
    if (!shown) throw DomainError.notFound('case');
    if (shown.score !== null) throw DomainError.conflict('the enterprise rated this need already');
    if (shown.outcome === null) throw DomainError.conflict('the need has no outcome yet: rate it once it has');
    const now = this.clock.now();
    const comment = command.comment?.trim() ?? '';
    await inTransaction(this.dataSource, async (manager) => {
      const locked = await manager.query<{ id: string }[]>(LOCK_PORTAL_CASE, [caseId, access.enterpriseId]);
      if (locked.length === 0) throw DomainError.notFound('case');
      const rated = await manager.query<{ id: string }[]>(RATE_CASE, [
        caseId,
        access.linkId,
        now,
        command.score,
        comment === '' ? null : comment,
      ]);
      if (rated.length === 0) throw DomainError.conflict('the enterprise rated this need already');
      await manager.query(INSERT_FEEDBACK_EVENT, [
        caseId,
        'rated',
        now,
        JSON.stringify({ linkId: access.linkId, score: command.score, comment: comment === '' ? null : comment }),
      ]);
    });
    const after = await this.queries.case(access, caseId);
    if (!after) throw DomainError.notFound('case');
    return after;
  }
}
