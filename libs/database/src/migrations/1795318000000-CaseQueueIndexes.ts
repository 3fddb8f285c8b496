import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A bank manager's work queue read in order from an index: the cases at a bank by their nearest deadline
 * (cases without one last), and the pooled cases the same way. The expression matches CaseQueries' order.
 */
export class CaseQueueIndexes1795318000000 implements MigrationInterface {
  name = 'CaseQueueIndexes1795318000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX cases_bank_queue ON cases
        (assigned_bank_id, (COALESCE(due_at, '9999-12-31T00:00:00.000Z'::timestamptz)), id)`);
    await queryRunner.query(`
      CREATE INDEX cases_pool_queue ON cases ((COALESCE(due_at, '9999-12-31T00:00:00.000Z'::timestamptz)), id)
        WHERE assigned_bank_id IS NULL AND status = 'assigned'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX cases_pool_queue`);
    await queryRunner.query(`DROP INDEX cases_bank_queue`);
  }
}
