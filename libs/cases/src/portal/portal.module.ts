import { Module } from '@nestjs/common';
import { CasesModule } from '../cases.module';
import { ConfirmContactUseCase } from './confirm-contact.use-case';
import { CreateEnterpriseLinkUseCase } from './create-enterprise-link.use-case';
import { EnterpriseLinkAuthenticator } from './enterprise-link-authenticator';
import { EnterpriseLinkQueries } from './enterprise-link.queries';
import { PortalAuthenticator } from './portal-access';
import { PortalQueries } from './portal.queries';
import { PublishNeedUseCase } from './publish-need.use-case';
import { RateCaseUseCase } from './rate-case.use-case';
import { RevokeEnterpriseLinkUseCase } from './revoke-enterprise-link.use-case';

const PROVIDERS = [
  ConfirmContactUseCase,
  CreateEnterpriseLinkUseCase,
  EnterpriseLinkQueries,
  PortalQueries,
  PublishNeedUseCase,
  RateCaseUseCase,
  RevokeEnterpriseLinkUseCase,
];

/** The enterprise's own page: its links, its access (behind `PortalAuthenticator`), its needs and its word. */
@Module({
  imports: [CasesModule],
  providers: [...PROVIDERS, { provide: PortalAuthenticator, useClass: EnterpriseLinkAuthenticator }],
  exports: [...PROVIDERS, PortalAuthenticator],
})
export class PortalModule {}
