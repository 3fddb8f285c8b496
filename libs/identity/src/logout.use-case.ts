import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REVOKE_REFRESH_FAMILY, RefreshTokenEntity } from '@unblock/database';
import { DomainError } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { AccessTokenService } from './access-token.service';
import { hashSecret, parseRefreshToken, sameHash } from './refresh-tokens';

export interface LogoutCommand {
  readonly refreshToken?: string | undefined;
  /** The `Authorization` header, when the request carried one. */
  readonly authorization?: string | undefined;
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/u;

/**
 * Signing out: the session is revoked, the whole family of its refresh tokens, so neither the presented
 * one nor any successor refreshes again. The session is named by its refresh token, or by a bearer access
 * token of it (which must be valid), or both. As in OAuth's token revocation (RFC 7009, 2.2), a refresh
 * token that is unknown, already revoked or expired is not an error: nothing is left to revoke. The
 * session's access tokens live out their few minutes; the console forgets them.
 */
@Injectable()
export class LogoutUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accessTokens: AccessTokenService,
  ) {}

  async execute(command: LogoutCommand): Promise<void> {
    const bearer = command.authorization === undefined ? undefined : BEARER.exec(command.authorization)?.[1];
    if (command.refreshToken === undefined && bearer === undefined) {
      throw DomainError.invalid('refreshToken', 'is required (or a bearer access token of the session)');
    }
    const families = new Set<string>();
    if (bearer !== undefined) families.add(this.accessTokens.verifyAccess(bearer).sessionId);
    const parsed = command.refreshToken === undefined ? null : parseRefreshToken(command.refreshToken);
    if (parsed) {
      const token = await this.dataSource.getRepository(RefreshTokenEntity).findOneBy({ id: parsed.id });
      if (token && sameHash(token.tokenHash, hashSecret(parsed.secret))) families.add(token.familyId);
    }
    for (const familyId of families) await this.dataSource.query(REVOKE_REFRESH_FAMILY, [familyId]);
  }
}
