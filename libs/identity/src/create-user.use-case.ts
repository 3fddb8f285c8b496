import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UserEntity } from '@unblock/database';
import { DomainError, type Role } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { PasswordHasher } from './password-hasher';
import { checkPassword } from './password-policy';
import { UserResponse, toUserResponse } from './user.response';
import { checkUserScope } from './user-rules';

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
    const email = command.email.toLowerCase();
    checkPassword('password', command.password, email);
    const passwordHash = await this.hasher.hash(command.password);
    return this.dataSource.transaction(async (manager) => {
      await checkUserScope(manager, {
        role: command.role,
        organizationId: command.organizationId ?? null,
        regionCode: command.regionCode ?? null,
      });
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
