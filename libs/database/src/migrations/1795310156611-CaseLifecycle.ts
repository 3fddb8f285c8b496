import { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseLifecycle1795310156611 implements MigrationInterface {
  name = 'CaseLifecycle1795310156611';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Human case numbers, C-<year>-<000123>.
    await queryRunner.query(`CREATE SEQUENCE "case_number_seq" START 1`);
    await queryRunner.query(`
            CREATE TABLE "case_obligations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "case_id" uuid NOT NULL,
                "obligation" character varying(16) NOT NULL,
                "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "met_at" TIMESTAMP WITH TIME ZONE,
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "case_obligations_obligation_check" CHECK (
                    "obligation" IN ('claim', 'first_contact', 'decision', 'signing')
                ),
                CONSTRAINT "PK_27785ed3785c72311b3db41e047" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_c05ccf4a6facd0ad99a2a4a688" ON "case_obligations" ("case_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "case_obligations_open_due" ON "case_obligations" ("due_at")
            WHERE "met_at" IS NULL
                AND "cancelled_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "case_obligations_one_open" ON "case_obligations" ("case_id", "obligation")
            WHERE "met_at" IS NULL
                AND "cancelled_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "case_pool_members" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "case_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                CONSTRAINT "PK_cfa20834daece031d5803d6a9d0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_df13a1f3635859ec3520bddcaf" ON "case_pool_members" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_f5c78d909e50b88712200182dd" ON "case_pool_members" ("case_id", "organization_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "visits"
            ADD "visitor_organization_id" uuid
        `);
    // Existing rows take their enterprise's region before the column becomes NOT NULL.
    await queryRunner.query(`
            ALTER TABLE "visits"
            ADD "region_code" character varying(6)
        `);
    await queryRunner.query(`
            UPDATE "visits" t SET "region_code" = e."region_code" FROM "enterprises" e WHERE e."id" = t."enterprise_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "visits" ALTER COLUMN "region_code" SET NOT NULL
        `);
    // Existing rows take their enterprise's region before the column becomes NOT NULL.
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD "region_code" character varying(6)
        `);
    await queryRunner.query(`
            UPDATE "cases" t SET "region_code" = e."region_code" FROM "enterprises" e WHERE e."id" = t."enterprise_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "cases" ALTER COLUMN "region_code" SET NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD "chain_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD "declined_org_ids" uuid array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD "paused_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD "closed_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD "resolution" character varying(24)
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_f1d10561bd579b9dd12248d62a" ON "visits" ("visitor_organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_208a1c693061b3c02bc953ecd8" ON "visits" ("region_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_c9bc4c1be37ede7f30888e9025" ON "cases" ("region_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_f6032e1441190ca95254fb3922" ON "cases" ("chain_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "case_obligations"
            ADD CONSTRAINT "FK_c05ccf4a6facd0ad99a2a4a6883" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_pool_members"
            ADD CONSTRAINT "FK_10aa62ba4d853c19a49c318faec" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_pool_members"
            ADD CONSTRAINT "FK_df13a1f3635859ec3520bddcaf1" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SEQUENCE "case_number_seq"`);
    await queryRunner.query(`
            ALTER TABLE "case_pool_members" DROP CONSTRAINT "FK_df13a1f3635859ec3520bddcaf1"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_pool_members" DROP CONSTRAINT "FK_10aa62ba4d853c19a49c318faec"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_obligations" DROP CONSTRAINT "FK_c05ccf4a6facd0ad99a2a4a6883"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_f6032e1441190ca95254fb3922"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_c9bc4c1be37ede7f30888e9025"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_208a1c693061b3c02bc953ecd8"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_f1d10561bd579b9dd12248d62a"
        `);
    await queryRunner.query(`
            ALTER TABLE "cases" DROP COLUMN "resolution"
        `);
    await queryRunner.query(`
            ALTER TABLE "cases" DROP COLUMN "closed_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "cases" DROP COLUMN "paused_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "cases" DROP COLUMN "declined_org_ids"
        `);
    await queryRunner.query(`
            ALTER TABLE "cases" DROP COLUMN "chain_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "cases" DROP COLUMN "region_code"
        `);
    await queryRunner.query(`
            ALTER TABLE "visits" DROP COLUMN "region_code"
        `);
    await queryRunner.query(`
            ALTER TABLE "visits" DROP COLUMN "visitor_organization_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_f5c78d909e50b88712200182dd"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_df13a1f3635859ec3520bddcaf"
        `);
    await queryRunner.query(`
            DROP TABLE "case_pool_members"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."case_obligations_one_open"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."case_obligations_open_due"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_c05ccf4a6facd0ad99a2a4a688"
        `);
    await queryRunner.query(`
            DROP TABLE "case_obligations"
        `);
  }
}
