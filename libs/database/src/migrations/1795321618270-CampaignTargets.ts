import { MigrationInterface, QueryRunner } from 'typeorm';

/** A campaign's targets (visits, needs, signed amount), which its dashboard measures it against. */
export class CampaignTargets1795321618270 implements MigrationInterface {
  name = 'CampaignTargets1795321618270';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE campaigns ADD target_visits integer, ADD target_needs integer, ADD target_signed_amount numeric(18,2)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE campaigns DROP COLUMN target_signed_amount, DROP COLUMN target_needs, DROP COLUMN target_visits`,
    );
  }
}
