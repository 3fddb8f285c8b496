import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts an admin can govern: a user's `session_version`, raised by every change that ends their
 * sessions (access tokens carry the version they were issued under), and `must_change_password`, set by a
 * password reset until the user picks a password of their own.
 */
export class AccountSessions1795321400731 implements MigrationInterface {
  name = 'AccountSessions1795321400731';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD session_version integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE users ADD must_change_password boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP COLUMN must_change_password`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN session_version`);
  }
}
