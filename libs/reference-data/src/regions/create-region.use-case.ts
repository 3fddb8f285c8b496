import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RegionEntity, requireReferenced } from '@unblock/database';
import { DomainError, isValidRegionParent } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { RegionResponse, toRegionResponse } from './region.response';

export interface CreateRegionCommand {
  readonly code: string;
  readonly name: string;
  readonly parentCode?: string | undefined;
}

@Injectable()
export class CreateRegionUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(command: CreateRegionCommand): Promise<RegionResponse> {
    return this.dataSource.transaction(async (manager) => {
      if (command.parentCode !== undefined) {
        if (!isValidRegionParent(command.code, command.parentCode)) {
          throw DomainError.invalid('parentCode', `${command.parentCode} cannot be the parent of ${command.code}`);
        }
        await requireReferenced(manager, RegionEntity, { code: command.parentCode }, 'parentCode', 'region');
      }
      if (await manager.existsBy(RegionEntity, { code: command.code })) {
        throw DomainError.conflict(`region ${command.code} exists`, 'code');
      }
      const region = await manager.save(
        manager.create(RegionEntity, {
          code: command.code,
          name: command.name,
          parentCode: command.parentCode ?? null,
        }),
      );
      return toRegionResponse(region);
    });
  }
}
