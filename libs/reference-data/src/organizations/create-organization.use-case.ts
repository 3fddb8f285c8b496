import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrganizationEntity, RegionEntity, requireReferenced } from '@unblock/database';
import { DomainError, type OrganizationKind } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { OrganizationResponse, toOrganizationResponse } from './organization.response';

export interface CreateOrganizationCommand {
  readonly kind: OrganizationKind;
  readonly name: string;
  readonly regionCode: string;
}

@Injectable()
export class CreateOrganizationUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(command: CreateOrganizationCommand): Promise<OrganizationResponse> {
    return this.dataSource.transaction(async (manager) => {
      await requireReferenced(manager, RegionEntity, { code: command.regionCode }, 'regionCode', 'region');
      if (await manager.existsBy(OrganizationEntity, { name: command.name })) {
        throw DomainError.conflict('an organization with this name exists', 'name');
      }
      const organization = await manager.save(manager.create(OrganizationEntity, { ...command }));
      return toOrganizationResponse(organization);
    });
  }
}
