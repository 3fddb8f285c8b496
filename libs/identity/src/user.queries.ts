import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  UserEntity,
  mapPage,
  paginate,
  whereContains,
  whereWithinRegion,
  type Page,
  type PageRequest,
} from '@unblock/database';
import { DomainError, type Role } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { UserResponse, toUserResponse } from './user.response';

export interface ListUsersQuery extends PageRequest {
  readonly role?: Role | undefined;
  readonly organizationId?: string | undefined;
  readonly email?: string | undefined;
  /** Part of the name or the email. */
  readonly q?: string | undefined;
  readonly active?: boolean | undefined;
  /** Users whose scope lies within this region. */
  readonly regionCode?: string | undefined;
}

/** Reads of user accounts (admins list them; everyone reads themself through `/me`). */
@Injectable()
export class UserQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListUsersQuery): Promise<Page<UserResponse>> {
    const qb = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (query.role !== undefined) qb.andWhere('u.role = :role', { role: query.role });
    if (query.organizationId !== undefined) {
      qb.andWhere('u.organizationId = :organizationId', { organizationId: query.organizationId });
    }
    if (query.email !== undefined) qb.andWhere('u.email = :email', { email: query.email.toLowerCase() });
    if (query.active !== undefined) qb.andWhere('u.active = :active', { active: query.active });
    whereWithinRegion(qb, 'u.regionCode', query.regionCode);
    whereContains(qb, ['u.name', 'u.email'], query.q);
    return mapPage(await paginate(qb, 'u', query), toUserResponse);
  }

  async get(id: string): Promise<UserResponse> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw DomainError.notFound('user');
    return toUserResponse(user);
  }
}
