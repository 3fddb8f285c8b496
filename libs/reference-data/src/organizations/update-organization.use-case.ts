import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrganizationEntity } from '@unblock/database';
import { DomainError } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { WebhookUrlCheck, checkWebhook } from './organization-webhook';
import { OrganizationResponse, toOrganizationResponse } from './organization.response';

export interface UpdateOrganizationCommand {
  readonly id: string;
  readonly name?: string | undefined;
  /** null removes the webhook. */
  readonly webhookUrl?: string | null | undefined;
  readonly webhookSecret?: string | undefined;
}

/** Renames an organization, or sets or removes its webhook. */
@Injectable()
export class UpdateOrganizationUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly webhookUrl: WebhookUrlCheck,
  ) {}

  async execute(command: UpdateOrganizationCommand): Promise<OrganizationResponse> {
    await this.webhookUrl.check(command.webhookUrl);
    return this.dataSource.transaction(async (manager) => {
      const organization = await manager.findOne(OrganizationEntity, {
        where: { id: command.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!organization) throw DomainError.notFound('organization');
      checkWebhook(command.webhookUrl, command.webhookSecret, organization.webhookSecret !== null);
      if (command.name !== undefined && command.name !== organization.name) {
        if (await manager.existsBy(OrganizationEntity, { name: command.name })) {
          throw DomainError.conflict('an organization with this name exists', 'name');
        }
        organization.name = command.name;
      }
      if (command.webhookUrl !== undefined) organization.webhookUrl = command.webhookUrl;
      if (command.webhookUrl === null) organization.webhookSecret = null;
      else if (command.webhookSecret !== undefined) organization.webhookSecret = command.webhookSecret;
      return toOrganizationResponse(await manager.save(organization));
    });
  }
}
