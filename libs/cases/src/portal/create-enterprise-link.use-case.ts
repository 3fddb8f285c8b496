import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EnterpriseLinkEntity, REVOKE_LIVE_ENTERPRISE_LINKS, inTransaction } from '@unblock/database';
import { Clock, type Actor } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { enterpriseInScope } from './enterprise-link-scope';
import { hashLinkToken, newLinkToken } from './enterprise-link-token';
import { toEnterpriseLinkCreatedResponse, type EnterpriseLinkCreatedResponse } from './enterprise-link.response';

/** How long a link works when no other term is asked for. */
export const DEFAULT_LINK_DAYS = 90;

export interface CreateEnterpriseLinkCommand {
  readonly actor: Actor;
  readonly enterpriseId: string;
  /** Days the link works; DEFAULT_LINK_DAYS when left out. */
  readonly validDays?: number | undefined;
  /** Where the console is served (`https://host`): the link's URL is `<origin>/e/<token>`. */
  readonly origin: string;
}

/**
 * A new link to the enterprise's page, made by an officer, supervisor or admin whose region covers it. It
 * rotates: the links still live are revoked in the same transaction, so one link works at a time. The token
 * is answered once, in the URL and its QR code; only its hash is kept.
 */
@Injectable()
export class CreateEnterpriseLinkUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateEnterpriseLinkCommand): Promise<EnterpriseLinkCreatedResponse> {
    const token = newLinkToken();
    const now = this.clock.now();
    const days = command.validDays ?? DEFAULT_LINK_DAYS;
    const link = await inTransaction(this.dataSource, async (manager) => {
      const enterprise = await enterpriseInScope(manager, command.actor, command.enterpriseId);
      await manager.query(REVOKE_LIVE_ENTERPRISE_LINKS, [enterprise.id, now]);
      const saved = await manager.save(
        manager.create(EnterpriseLinkEntity, {
          enterpriseId: enterprise.id,
          tokenHash: hashLinkToken(token),
          expiresAt: new Date(now.getTime() + days * 86_400_000),
          revokedAt: null,
          createdByUserId: command.actor.userId,
        }),
      );
      return saved;
    });
    return toEnterpriseLinkCreatedResponse(link, `${command.origin}/e/${token}`);
  }
}
