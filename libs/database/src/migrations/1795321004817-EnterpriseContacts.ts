import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An enterprise's contact person and phone (personal data: shown only to those who work its cases), so the
 * bank that gets a need knows whom to call.
 */
export class EnterpriseContacts1795321004817 implements MigrationInterface {
  name = 'EnterpriseContacts1795321004817';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE enterprises ADD contact_name text, ADD contact_phone varchar(20)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE enterprises DROP COLUMN contact_phone, DROP COLUMN contact_name`);
  }
}
