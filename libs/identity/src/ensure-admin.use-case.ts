import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UserEntity } from '@unblock/database';
import { DomainError } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { PasswordHasher } from './password-hasher';
import { checkPassword } from './password-policy';

export interface EnsureAdminCommand {
  readonly email: string;
  readonly password: string;
  readonly name?: string;
}

/**
 * Makes sure an admin with this email exists (the boot-time ADMIN_EMAIL/ADMIN_PASSWORD and
 * `npm run cli -- create-admin`). An existing admin is left as it is; a non-admin with the email is an error.
 * A new admin's password must meet the password policy.
 */
@Injectable()
export class EnsureAdminUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: EnsureAdminCommand): Promise<{ created: boolean; id: string }> {
    const email = command.email.toLowerCase();
    const repository = this.dataSource.getRepository(UserEntity);
    const existing = await repository.findOneBy({ email });
    if (existing) {
      if (existing.role !== 'admin') throw DomainError.conflict(`${email} exists and is not an admin`, 'email');
      return { created: false, id: existing.id };
    }
    checkPassword('password', command.password, email);
    const passwordHash = await this.hasher.hash(command.password);
    const inserted = await repository
      .createQueryBuilder()
      .insert()
      .values({
        email,
        name: command.name ?? '系统管理员',
        role: 'admin',
        organizationId: null,
        regionCode: null,
        passwordHash,
        active: true,
        lastLoginAt: null,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const row = inserted.raw as { id: string }[];
    if (row[0]) return { created: true, id: row[0].id };
    // Another process created it a moment ago.
    return this.execute(command);
  }
}
