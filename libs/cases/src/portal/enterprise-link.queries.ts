import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EnterpriseLinkEntity } from '@unblock/database';
import type { Actor } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { enterpriseInScope } from './enterprise-link-scope';
import { toEnterpriseLinkResponse, type EnterpriseLinkResponse } from './enterprise-link.response';

/** The links of an enterprise in the actor's region, newest first (never their tokens). */
@Injectable()
export class EnterpriseLinkQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, enterpriseId: string): Promise<EnterpriseLinkResponse[]> {
    const enterprise = await enterpriseInScope(this.dataSource.manager, actor, enterpriseId);
    const links = await this.dataSource.manager.find(EnterpriseLinkEntity, {
      where: { enterpriseId: enterprise.id },
      order: { createdAt: 'DESC' },
      take: 20,
    });
    return links.map(toEnterpriseLinkResponse);
  }
}
