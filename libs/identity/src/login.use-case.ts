import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UserEntity } from '@unblock/database';
import { DomainError } from '@unblock/domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccessTokenService } from './access-token.service';
import { PasswordHasher } from './password-hasher';
import { RefreshTokens } from './refresh-tokens';
import { SessionResponse, sessionOf } from './session';
import { SessionVersions } from './session-versions';

export interface LoginCommand {
  readonly email: string;
  readonly password: string;
}

@Injectable()
export class LoginUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokens,
    private readonly sessions: SessionVersions,
  ) {}

  async execute(command: LoginCommand): Promise<SessionResponse> {
    const epoch = this.sessions.observe();
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email: command.email.toLowerCase() });
    const valid = await this.hasher.verify(user?.passwordHash ?? null, command.password);
    if (!user || !valid || !user.active) {
      throw new DomainError('unauthenticated', 'the email or the password is wrong');
    }
    // A hash made with older parameters is made again with today's, now that the password is at hand.
    const rehashed = this.hasher.needsRehash(user.passwordHash) ? await this.hasher.hash(command.password) : undefined;
    const familyId = randomUUID();
    const refreshToken = await this.dataSource.transaction(async (manager) => {
      await manager.update(
        UserEntity,
        { id: user.id },
        { lastLoginAt: new Date(), ...(rehashed !== undefined ? { passwordHash: rehashed } : {}) },
      );
      return this.refreshTokens.issue(manager, user.id, familyId);
    });
    // The session's first request finds the version it was signed in under, with no query of its own.
    this.sessions.remember(user.id, user.sessionVersion, epoch);
    return sessionOf(this.accessTokens, user, familyId, refreshToken);
  }
}
