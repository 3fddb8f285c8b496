import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The enterprise's own page: its links (a secret token stored as its SHA-256, an expiry, a revocation),
 * its word on each case (contact confirmed or disputed, a rating 1–5 with a comment), and the link an
 * audit record's action came through.
 */
export class EnterprisePortal1796629227654 implements MigrationInterface {
  name = 'EnterprisePortal1796629227654';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "enterprise_links" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "enterprise_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_by_user_id" uuid,
                CONSTRAINT "PK_750077538172bdc4f33344f1cb9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_d6b1a4587f25c0ea3eef210b30" ON "enterprise_links" ("enterprise_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_8a7cd77bb4d472b43f691c9ba9" ON "enterprise_links" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "feedback" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "case_id" uuid NOT NULL,
                "link_id" uuid NOT NULL,
                "contact_confirmed" boolean,
                "contact_answered_at" TIMESTAMP WITH TIME ZONE,
                "score" smallint,
                "comment" text,
                "rated_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "feedback_score_check" CHECK (
                    "score" IS NULL
                    OR "score" BETWEEN 1 AND 5
                ),
                CONSTRAINT "PK_8389f9e087a57689cd5be8b2b13" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_63366e90ce5caee0a1c68180d5" ON "feedback" ("case_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_records"
            ADD "enterprise_link_id" uuid
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_a95276c909aa9be4ee69cd9a28" ON "audit_records" ("enterprise_link_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprise_links"
            ADD CONSTRAINT "FK_d6b1a4587f25c0ea3eef210b304" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprise_links"
            ADD CONSTRAINT "FK_d24bdb9b5e85a8f12198bd852ee" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "feedback"
            ADD CONSTRAINT "FK_63366e90ce5caee0a1c68180d5e" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "feedback"
            ADD CONSTRAINT "FK_118cbc41478f05fd56549937f4f" FOREIGN KEY ("link_id") REFERENCES "enterprise_links"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "feedback" DROP CONSTRAINT "FK_118cbc41478f05fd56549937f4f"
        `);
    await queryRunner.query(`
            ALTER TABLE "feedback" DROP CONSTRAINT "FK_63366e90ce5caee0a1c68180d5e"
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprise_links" DROP CONSTRAINT "FK_d24bdb9b5e85a8f12198bd852ee"
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprise_links" DROP CONSTRAINT "FK_d6b1a4587f25c0ea3eef210b304"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_a95276c909aa9be4ee69cd9a28"
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_records" DROP COLUMN "enterprise_link_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_63366e90ce5caee0a1c68180d5"
        `);
    await queryRunner.query(`
            DROP TABLE "feedback"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_8a7cd77bb4d472b43f691c9ba9"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_d6b1a4587f25c0ea3eef210b30"
        `);
    await queryRunner.query(`
            DROP TABLE "enterprise_links"
        `);
  }
}
