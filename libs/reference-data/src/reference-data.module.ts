import { Module } from '@nestjs/common';
import { CampaignQueries } from './campaigns/campaign.queries';
import { CreateCampaignUseCase } from './campaigns/create-campaign.use-case';
import { UpdateCampaignUseCase } from './campaigns/update-campaign.use-case';
import { ChainQueries } from './chains/chain.queries';
import { CreateDeclineReasonUseCase } from './decline-reasons/create-decline-reason.use-case';
import { DeclineReasonQueries } from './decline-reasons/decline-reason.queries';
import { UpdateDeclineReasonUseCase } from './decline-reasons/update-decline-reason.use-case';
import { CreateChainUseCase } from './chains/create-chain.use-case';
import { UpdateChainUseCase } from './chains/update-chain.use-case';
import { CreateEnterpriseUseCase } from './enterprises/create-enterprise.use-case';
import { EnterpriseQueries } from './enterprises/enterprise.queries';
import { UpdateEnterpriseUseCase } from './enterprises/update-enterprise.use-case';
import { CreateOrganizationUseCase } from './organizations/create-organization.use-case';
import { WebhookUrlCheck } from './organizations/organization-webhook';
import { UpdateOrganizationUseCase } from './organizations/update-organization.use-case';
import { OrganizationQueries } from './organizations/organization.queries';
import { CreateRegionUseCase } from './regions/create-region.use-case';
import { RegionQueries } from './regions/region.queries';

const PROVIDERS = [
  CampaignQueries,
  ChainQueries,
  CreateCampaignUseCase,
  UpdateCampaignUseCase,
  CreateChainUseCase,
  CreateDeclineReasonUseCase,
  DeclineReasonQueries,
  UpdateDeclineReasonUseCase,
  CreateEnterpriseUseCase,
  CreateOrganizationUseCase,
  CreateRegionUseCase,
  EnterpriseQueries,
  OrganizationQueries,
  RegionQueries,
  UpdateCampaignUseCase,
  UpdateChainUseCase,
  UpdateEnterpriseUseCase,
  UpdateOrganizationUseCase,
  WebhookUrlCheck,
];

/** Regions, organizations, industrial chains, enterprises, campaigns and the decline-reason catalogue. */
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class ReferenceDataModule {}
