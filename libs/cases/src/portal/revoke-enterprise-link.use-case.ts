import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EnterpriseLinkEntity, REVOKE_ENTERPRISE_LINK } from '@unblock/database';
import { Clock, DomainError, type Actor } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { enterpriseInScope } from './enterprise-link-scope';
import { toEnterpriseLinkResponse, type EnterpriseLinkResponse } from './enterprise-link.response';

export interface RevokeEnterpriseLinkCommand {
  readonly actor: Actor;
  readonly enterpriseId: string;
  readonly linkId: string;
}

/** Ends a link of an enterprise in the actor's region at once; revoking it again changes nothing. */
@Injectable()
export class RevokeEnterpriseLinkUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(command: RevokeEnterpriseLinkCommand): Promise<EnterpriseLinkResponse> {
    const enterprise = await enterpriseInScope(this.dataSource.manager, command.actor, command.enterpriseId);
    // An UPDATE answers [rows, affected] through TypeORM: the rows are the first element.
    const [rows] = await this.dataSource.query<[{ id: string }[], number]>(REVOKE_ENTERPRISE_LINK, [
      enterprise.id,
      command.linkId,
      this.clock.now(),
    ]);
    if (rows.length === 0) throw DomainError.notFound('link');
    return toEnterpriseLinkResponse(
      await this.dataSource.manager.findOneByOrFail(EnterpriseLinkEntity, { id: command.linkId }),
    );
  }
}
