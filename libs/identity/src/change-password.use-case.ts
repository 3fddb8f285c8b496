import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UserEntity } from '@unblock/database';
import { DomainError } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { PasswordHasher } from './password-hasher';
import { checkPassword } from './password-policy';
import { SessionVersions } from './session-versions';
import { endUserSessions } from './user-sessions';

export interface ChangePasswordCommand {
  readonly userId: string;
  /** The session making the change: it goes on (its refresh token refreshes); every other one ends. */
  readonly sessionId: string;
  readonly currentPassword: string;
  readonly newPassword: string;
}

/**
 * A user changes their own password (after a reset, the one-time password for one of their own). The
 * current password must be right; the new one must meet the policy and differ from it. Every other session
 * of the user ends; this one's access token is refused too (its session version is old), and its refresh
 * token answers a new access token without the must-change flag.
 */
@Injectable()
export class ChangePasswordUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionVersions,
  ) {}

  async execute(command: ChangePasswordCommand): Promise<void> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: command.userId });
    if (!user || !user.active) throw new DomainError('unauthenticated', 'the account is not active');
    if (!(await this.hasher.verify(user.passwordHash, command.currentPassword))) {
      throw DomainError.invalid('currentPassword', 'is wrong');
    }
    checkPassword('newPassword', command.newPassword, user.email);
    if (command.newPassword === command.currentPassword) {
      throw DomainError.invalid('newPassword', 'must differ from the current password');
    }
    const passwordHash = await this.hasher.hash(command.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { passwordHash, mustChangePassword: false });
      await endUserSessions(manager, user.id, command.sessionId);
    });
    this.sessions.forget(user.id);
  }
}
