import { MigrationInterface, QueryRunner } from 'typeorm';

export class SlaAndNotifications1795310712103 implements MigrationInterface {
  name = 'SlaAndNotifications1795310712103';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "user_id" uuid NOT NULL,
                "kind" character varying(16) NOT NULL,
                "case_id" uuid,
                "title" text NOT NULL,
                "data" jsonb NOT NULL DEFAULT '{}',
                "idempotency_key" text NOT NULL,
                "read_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_5af2abaf70226e88b27ae3b639" ON "notifications" ("idempotency_key")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_310667f935698fcd8cb319113a" ON "notifications" ("user_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "webhook_deliveries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "organization_id" uuid NOT NULL,
                "idempotency_key" text NOT NULL,
                "event" character varying(32) NOT NULL,
                "payload" jsonb NOT NULL DEFAULT '{}',
                "status" character varying(16) NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "delivered_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_fb47fe9068b1d9f4d3a68f8315" ON "webhook_deliveries" ("idempotency_key")
        `);
    await queryRunner.query(`
            CREATE INDEX "webhook_deliveries_pending" ON "webhook_deliveries" ("created_at")
            WHERE "status" = 'pending'
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "webhook_url" text
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "webhook_secret" text
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations"
            ADD "obligation_id" uuid NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations"
            ADD "due_at" TIMESTAMP WITH TIME ZONE NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations"
            ADD "bank_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations"
            ADD "chain_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations"
            ADD "region_code" character varying(6) NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations"
            ADD "acknowledged_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations"
            ADD "acknowledged_by_user_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations"
            ADD "obligation_record_id" uuid
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_35b982f51c0e311f55159a2d5f" ON "escalations" ("region_code")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "escalations_one_per_level" ON "escalations" ("obligation_id", "level")
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations"
            ADD CONSTRAINT "FK_41fb214e7ae7d83510d8295f24f" FOREIGN KEY ("obligation_record_id") REFERENCES "case_obligations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_deliveries"
            ADD CONSTRAINT "FK_f9942da65d9e85fbd78e1a9bfc1" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);

    // Nothing wrote escalations before this migration, so the new NOT NULL columns meet an empty table.
    // The default calendar (China's official 2025 and 2026 schedules, frozen here as data) and the
    // default SLA policy of DESIGN.md.
    await queryRunner.query(
      `INSERT INTO "calendars" ("name", "time_zone", "holidays", "workdays") VALUES ($1, 'Asia/Shanghai', $2, $3)`,
      [
        'China (mainland) 2025-2026',
        '{2025-01-01,2025-01-28,2025-01-29,2025-01-30,2025-01-31,2025-02-01,2025-02-02,2025-02-03,2025-02-04,2025-04-04,2025-04-05,2025-04-06,2025-05-01,2025-05-02,2025-05-03,2025-05-04,2025-05-05,2025-05-31,2025-06-01,2025-06-02,2025-10-01,2025-10-02,2025-10-03,2025-10-04,2025-10-05,2025-10-06,2025-10-07,2025-10-08,2026-01-01,2026-01-02,2026-01-03,2026-02-15,2026-02-16,2026-02-17,2026-02-18,2026-02-19,2026-02-20,2026-02-21,2026-02-22,2026-02-23,2026-04-04,2026-04-05,2026-04-06,2026-05-01,2026-05-02,2026-05-03,2026-05-04,2026-05-05,2026-06-19,2026-06-20,2026-06-21,2026-09-25,2026-09-26,2026-09-27,2026-10-01,2026-10-02,2026-10-03,2026-10-04,2026-10-05,2026-10-06,2026-10-07}',
        '{2025-01-26,2025-02-08,2025-04-27,2025-09-28,2025-10-11,2026-01-04,2026-02-14,2026-02-28,2026-05-09,2026-09-20,2026-10-10}',
      ],
    );
    await queryRunner.query(
      `INSERT INTO "sla_policies" ("name", "calendar_id", "claim", "first_contact", "decision", "signing", "remind_before", "level_two_after", "is_default")
             SELECT 'Default', "id", '3BD', '2BD', '15BD', '10BD', '1BD', '3BD', true FROM "calendars" WHERE "name" = 'China (mainland) 2025-2026'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "sla_policies" WHERE "name" = 'Default' AND "is_default"`);
    await queryRunner.query(`DELETE FROM "calendars" WHERE "name" = 'China (mainland) 2025-2026'`);
    await queryRunner.query(`
            ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_f9942da65d9e85fbd78e1a9bfc1"
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations" DROP CONSTRAINT "FK_41fb214e7ae7d83510d8295f24f"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."escalations_one_per_level"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_35b982f51c0e311f55159a2d5f"
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations" DROP COLUMN "obligation_record_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations" DROP COLUMN "acknowledged_by_user_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations" DROP COLUMN "acknowledged_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations" DROP COLUMN "region_code"
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations" DROP COLUMN "chain_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations" DROP COLUMN "bank_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations" DROP COLUMN "due_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations" DROP COLUMN "obligation_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "webhook_secret"
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "webhook_url"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."webhook_deliveries_pending"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_fb47fe9068b1d9f4d3a68f8315"
        `);
    await queryRunner.query(`
            DROP TABLE "webhook_deliveries"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_310667f935698fcd8cb319113a"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_5af2abaf70226e88b27ae3b639"
        `);
    await queryRunner.query(`
            DROP TABLE "notifications"
        `);
  }
}
