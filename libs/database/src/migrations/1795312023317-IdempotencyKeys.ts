import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyKeys1795312023317 implements MigrationInterface {
  name = 'IdempotencyKeys1795312023317';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "idempotency_keys" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "user_id" uuid NOT NULL,
                "key" character varying(200) NOT NULL,
                "route" text NOT NULL,
                "request_hash" character(64) NOT NULL,
                "status_code" smallint,
                "response" jsonb,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_8ad20779ad0411107a56e53d0f6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_392b1af86f210d98d3f0c76472" ON "idempotency_keys" ("user_id", "key")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_392b1af86f210d98d3f0c76472"
        `);
    await queryRunner.query(`
            DROP TABLE "idempotency_keys"
        `);
  }
}
