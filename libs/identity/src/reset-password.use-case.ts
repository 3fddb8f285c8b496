import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UserEntity } from '@unblock/database';
import { DomainError } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { PasswordHasher } from './password-hasher';
import { PasswordResetResponse } from './password-reset.response';
import { generateOneTimePassword } from './password-policy';
import { SessionVersions } from './session-versions';
import { endUserSessions } from './user-sessions';

export interface ResetPasswordCommand {
  readonly id: string;
}

/** An admin resets a user's password: a generated one-time password, every session of the user ended. */
@Injectable()
export class ResetPasswordUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionVersions,
  ) {}

  async execute(command: ResetPasswordCommand): Promise<PasswordResetResponse> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: command.id });
    if (!user) throw DomainError.notFound('user');
    const oneTimePassword = generateOneTimePassword(user.email);
    const passwordHash = await this.hasher.hash(oneTimePassword);
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.update(UserEntity, { id: user.id }, { passwordHash, mustChangePassword: true });
      if (updated.affected !== 1) throw DomainError.notFound('user');
      await endUserSessions(manager, user.id);
    });
    this.sessions.forget(user.id);
    return { oneTimePassword };
  }
}
