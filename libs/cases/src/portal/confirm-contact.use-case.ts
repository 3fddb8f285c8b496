import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ANSWER_CONTACT,
  CaseEntity,
  CaseObligationEntity,
  INSERT_FEEDBACK_EVENT,
  LOCK_PORTAL_CASE,
  inTransaction,
} from '@unblock/database';
import { Clock, DomainError } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { CaseRepository } from '../lifecycle/case.repository';
import type { PortalAccess } from './portal-access';
import { PortalQueries } from './portal.queries';
import type { PortalCaseResponse } from './portal.response';

export interface ConfirmContactCommand {
  readonly access: PortalAccess;
  readonly caseId: string;
  /** True: the bank contacted the enterprise; false: it did not (a dispute). */
  readonly contacted: boolean;
  readonly note?: string | undefined;
}

/**
 * The enterprise says, once, whether the bank that claimed its need contacted it. The timeline shows the
 * answer beside the bank's `contacted` milestone (`contact_confirmed` or `contact_disputed`); a dispute opens
 * a level-1 escalation of the first contact on the supervisors' queue.
 */
@Injectable()
export class ConfirmContactUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly repository: CaseRepository,
    private readonly queries: PortalQueries,
  ) {}

  async execute(command: ConfirmContactCommand): Promise<PortalCaseResponse> {
    const { access, caseId } = command;
    const shown = await this.queries.case(access, caseId);
    if (!shown) throw DomainError.notFound('case');
    if (shown.contactConfirmed !== null) throw DomainError.conflict('the enterprise answered on contact already');
    if (!shown.contactAnswerable) throw DomainError.conflict('no bank has taken up this need yet');
    const now = this.clock.now();
    await inTransaction(this.dataSource, async (manager) => {
      const locked = await manager.query<{ id: string }[]>(LOCK_PORTAL_CASE, [caseId, access.enterpriseId]);
      if (locked.length === 0) throw DomainError.notFound('case');
      const answered = await manager.query<{ id: string }[]>(ANSWER_CONTACT, [
        caseId,
        access.linkId,
        now,
        command.contacted,
      ]);
      if (answered.length === 0) throw DomainError.conflict('the enterprise answered on contact already');
      const type = command.contacted ? 'contact_confirmed' : 'contact_disputed';
      await manager.query(INSERT_FEEDBACK_EVENT, [
        caseId,
        type,
        now,
        JSON.stringify({ linkId: access.linkId, note: command.note ?? null }),
      ]);
      if (command.contacted) return;
      const obligation = await manager.findOne(CaseObligationEntity, {
        where: { caseId, obligation: 'first_contact' },
        order: { dueAt: 'DESC' },
      });
      if (!obligation) throw new Error('a claimed case has a first-contact obligation');
      const current = await manager.findOneByOrFail(CaseEntity, { id: caseId });
      await this.repository.openEscalations(manager, [{ case: current, obligation }], 1, now);
    });
    const after = await this.queries.case(access, caseId);
    if (!after) throw DomainError.notFound('case');
    return after;
  }
}
