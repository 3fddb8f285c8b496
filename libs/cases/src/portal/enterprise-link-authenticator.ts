import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ENTERPRISE_LINK_BY_TOKEN } from '@unblock/database';
import { Clock, DomainError } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { hashLinkToken, isLinkTokenShaped } from './enterprise-link-token';
import { PortalAuthenticator, type PortalAccess } from './portal-access';

interface LinkRow {
  id: string;
  enterprise_id: string;
  expires_at: Date;
  revoked_at: Date | null;
}

/** The enterprise's access by the token of its link: unknown, expired or revoked, a 401. */
@Injectable()
export class EnterpriseLinkAuthenticator extends PortalAuthenticator {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    super();
  }

  async authenticate(token: string): Promise<PortalAccess> {
    if (!isLinkTokenShaped(token)) throw new DomainError('unauthenticated', 'the link is not valid');
    const [link] = await this.dataSource.query<LinkRow[]>(ENTERPRISE_LINK_BY_TOKEN, [hashLinkToken(token)]);
    if (!link) throw new DomainError('unauthenticated', 'the link is not valid');
    if (link.revoked_at !== null) throw new DomainError('unauthenticated', 'the link was revoked');
    if (new Date(link.expires_at).getTime() <= this.clock.now().getTime()) {
      throw new DomainError('unauthenticated', 'the link has expired');
    }
    return { linkId: link.id, enterpriseId: link.enterprise_id };
  }
}
