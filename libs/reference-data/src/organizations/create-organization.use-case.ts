import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrganizationEntity, RegionEntity, requireReferenced } from '@unblock/database';
import { DomainError, type OrganizationKind } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { WebhookUrlCheck, checkWebhook } from './organization-webhook';
import { OrganizationResponse, toOrganizationResponse } from './organization.response';

export interface CreateOrganizationCommand {
  readonly kind: OrganizationKind;
  readonly name: string;
  readonly regionCode: string;
  readonly webhookUrl?: string | undefined;
  readonly webhookSecret?: string | undefined;
}

@Injectable()
export class CreateOrganizationUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly webhookUrl: WebhookUrlCheck,
  ) {}

  async execute(command: CreateOrganizationCommand): Promise<OrganizationResponse> {
    await this.webhookUrl.check(command.webhookUrl);
    return this.dataSource.transaction(async (manager) => {
      await requireReferenced(manager, RegionEntity, { code: command.regionCode }, 'regionCode', 'region');
      if (await manager.existsBy(OrganizationEntity, { name: command.name })) {
        throw DomainError.conflict('an organization with this name exists', 'name');
      }
      checkWebhook(command.webhookUrl, command.webhookSecret, false);
      const organization = await manager.save(
        manager.create(OrganizationEntity, {
          ...command,
          webhookUrl: command.webhookUrl ?? null,
          webhookSecret: command.webhookSecret ?? null,
        }),
      );
      return toOrganizationResponse(organization);
    });
  }
}
