import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RefreshTokenEntity, UserEntity } from '@unblock/database';
import { DomainError } from '@unblock/domain';
import { DataSource, IsNull } from 'typeorm';
import { AccessTokenService } from './access-token.service';
import { RefreshTokens, hashSecret, parseRefreshToken, sameHash } from './refresh-tokens';
import { SessionResponse, sessionOf } from './session';

export interface RefreshSessionCommand {
  readonly refreshToken: string;
}

type Outcome = { ok: true; user: UserEntity; familyId: string; refreshToken: string } | { ok: false; reason: string };

/**
 * Rotates a refresh token: the presented one is used up and a successor of the same family answered.
 * A token presented a second time means it was stolen or replayed: the whole family is revoked.
 */
@Injectable()
export class RefreshSessionUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokens,
  ) {}

  async execute(command: RefreshSessionCommand): Promise<SessionResponse> {
    const parsed = parseRefreshToken(command.refreshToken);
    if (!parsed) throw new DomainError('unauthenticated', 'the refresh token is invalid');

    // The revocation of a replayed family must commit, so the outcome is decided inside and thrown outside.
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome> => {
      const token = await manager.findOne(RefreshTokenEntity, {
        where: { id: parsed.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!token || !sameHash(token.tokenHash, hashSecret(parsed.secret))) {
        return { ok: false, reason: 'the refresh token is invalid' };
      }
      const now = new Date();
      if (token.revokedAt !== null) return { ok: false, reason: 'the session was revoked' };
      if (token.usedAt !== null) {
        await manager.update(RefreshTokenEntity, { familyId: token.familyId, revokedAt: IsNull() }, { revokedAt: now });
        return { ok: false, reason: 'the refresh token was already used; the session is revoked' };
      }
      if (token.expiresAt <= now) return { ok: false, reason: 'the refresh token has expired' };
      const user = await manager.findOneBy(UserEntity, { id: token.userId });
      if (!user || !user.active) return { ok: false, reason: 'the account is not active' };
      await manager.update(RefreshTokenEntity, { id: token.id }, { usedAt: now });
      const refreshToken = await this.refreshTokens.issue(manager, user.id, token.familyId);
      return { ok: true, user, familyId: token.familyId, refreshToken };
    });

    if (!outcome.ok) throw new DomainError('unauthenticated', outcome.reason);
    return sessionOf(this.accessTokens, outcome.user, outcome.familyId, outcome.refreshToken);
  }
}
