import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LOCK_OTHER_ACTIVE_ADMINS, UserEntity } from '@unblock/database';
import { DomainError, type Role } from '@unblock/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { UserResponse, toUserResponse } from './user.response';
import { checkUserScope } from './user-rules';
import { SessionVersions } from './session-versions';
import { endUserSessions } from './user-sessions';

export interface UpdateUserCommand {
  readonly id: string;
  /** The admin making the change. */
  readonly actorUserId: string;
  readonly name?: string | undefined;
  readonly role?: Role | undefined;
  /** null: no organization (an admin only). */
  readonly organizationId?: string | null | undefined;
  /** null: no region (an admin only). */
  readonly regionCode?: string | null | undefined;
  readonly active?: boolean | undefined;
}

/**
 * An admin changes an account: its name, role, organization, region, or whether it is active, under the
 * rules of a new user's (role against the organization's kind, an existing region…). Deactivating it or
 * changing its role, organization or region ends its sessions at once. An admin can neither deactivate
 * nor demote themself, and the last active admin stays one.
 */
@Injectable()
export class UpdateUserUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionVersions,
  ) {}

  async execute(command: UpdateUserCommand): Promise<UserResponse> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, {
        where: { id: command.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw DomainError.notFound('user');
      const role = command.role ?? user.role;
      const organizationId = command.organizationId !== undefined ? command.organizationId : user.organizationId;
      const regionCode = command.regionCode !== undefined ? command.regionCode : user.regionCode;
      const active = command.active ?? user.active;
      if (command.id === command.actorUserId) {
        if (!active) throw DomainError.invalid('active', 'you cannot deactivate your own account');
        if (role !== 'admin') throw DomainError.invalid('role', 'you cannot take away your own admin role');
      }
      if (user.role === 'admin' && user.active && (role !== 'admin' || !active)) {
        await this.keepAnAdmin(manager, user.id, role !== 'admin' ? 'role' : 'active');
      }
      await checkUserScope(manager, { role, organizationId, regionCode });
      const endsSessions =
        role !== user.role ||
        organizationId !== user.organizationId ||
        regionCode !== user.regionCode ||
        active !== user.active;
      user.name = command.name ?? user.name;
      user.role = role;
      user.organizationId = organizationId;
      user.regionCode = regionCode;
      user.active = active;
      const saved = await manager.save(user);
      if (endsSessions) saved.sessionVersion = await endUserSessions(manager, user.id);
      return toUserResponse(saved);
    });
    this.sessions.forget(command.id);
    return updated;
  }

  /** Refuses (409 naming `field`) to leave no active admin: the other active admins are locked and counted. */
  private async keepAnAdmin(manager: EntityManager, userId: string, field: string): Promise<void> {
    const others = await manager.query<{ id: string }[]>(LOCK_OTHER_ACTIVE_ADMINS, [userId]);
    if (others.length === 0) throw DomainError.conflict('the last active admin must stay an active admin', field);
  }
}
