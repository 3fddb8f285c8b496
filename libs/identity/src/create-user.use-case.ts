import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrganizationEntity, RegionEntity, UserEntity, requireReferenced } from '@unblock/database';
import { DomainError, ROLE_ORGANIZATION_KINDS, type Role } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { PasswordHasher } from './password-hasher';
import { UserResponse, toUserResponse } from './user.response';

export interface CreateUserCommand {
  readonly email: string;
  readonly name: string;
  readonly password: string;
  readonly role: Role;
  readonly organizationId?: string | undefined;
  readonly regionCode?: string | undefined;
}

@Injectable()
export class CreateUserUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: CreateUserCommand): Promise<UserResponse> {
    const passwordHash = await this.hasher.hash(command.password);
    return this.dataSource.transaction(async (manager) => {
      if (command.role !== 'admin' || command.organizationId !== undefined) {
        if (command.organizationId === undefined) throw DomainError.invalid('organizationId', 'is required');
        const organization = await requireReferenced(
          manager,
          OrganizationEntity,
          { id: command.organizationId },
          'organizationId',
          'organization',
        );
        if (!ROLE_ORGANIZATION_KINDS[command.role].includes(organization.kind)) {
          throw DomainError.invalid('role', `a ${command.role} cannot belong to a ${organization.kind} organization`);
        }
      }
      if (command.role !== 'admin' || command.regionCode !== undefined) {
        if (command.regionCode === undefined) throw DomainError.invalid('regionCode', 'is required');
        await requireReferenced(manager, RegionEntity, { code: command.regionCode }, 'regionCode', 'region');
      }
      const email = command.email.toLowerCase();
      if (await manager.existsBy(UserEntity, { email })) {
        throw DomainError.conflict('a user with this email exists', 'email');
      }
      const user = await manager.save(
        manager.create(UserEntity, {
          email,
          name: command.name,
          role: command.role,
          organizationId: command.organizationId ?? null,
          regionCode: command.regionCode ?? null,
          passwordHash,
          active: true,
          lastLoginAt: null,
        }),
      );
      return toUserResponse(user);
    });
  }
}
