import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An `Idempotency-Key` in progress holds a lease (issue 19): an API that died after writing, before it kept
 * the answer, left its key "still running" for ever. Once the lease lapses a retry takes the key over.
 */
export class IdempotencyLease1796640000000 implements MigrationInterface {
  name = 'IdempotencyLease1796640000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_keys" ADD "lease_expires_at" timestamptz NOT NULL DEFAULT now()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_keys" DROP COLUMN "lease_expires_at"`);
  }
}
