import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UserEntity } from '@unblock/database';
import { DomainError } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { AccessTokenService } from './access-token.service';
import { PasswordHasher } from './password-hasher';
import { RefreshTokens } from './refresh-tokens';
import { SessionResponse } from './session';
import { actorOf, toUserResponse } from './user.response';

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
  ) {}

  async execute(command: LoginCommand): Promise<SessionResponse> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email: command.email.toLowerCase() });
    const valid = await this.hasher.verify(user?.passwordHash ?? null, command.password);
    if (!user || !valid || !user.active) {
      throw new DomainError('unauthenticated', 'the email or the password is wrong');
    }
    const refreshToken = await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { lastLoginAt: new Date() });
      return this.refreshTokens.issue(manager, user.id);
    });
    const access = this.accessTokens.issue(actorOf(user));
    return {
      accessToken: access.token,
      expiresIn: access.expiresIn,
      refreshToken,
      tokenType: 'Bearer',
      user: toUserResponse(user),
    };
  }
}
