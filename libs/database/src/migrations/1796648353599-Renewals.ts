import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Renewals (续贷, issue 18): a case's kind (`need` | `renewal`), the contract a renewal renews, the renewal it
 * asks for and the end of the loan's maturity date (its decision and signing are due no later); contracts
 * looked up by maturity date (the calendar and the reminders); the maturity reminders sent, once per contract
 * and mark (30, 15, 5 business days before).
 */
export class Renewals1796648353599 implements MigrationInterface {
  name = 'Renewals1796648353599';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "maturity_reminders" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "contract_id" uuid NOT NULL,
                "days_before" smallint NOT NULL,
                "matures_on" date NOT NULL,
                "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "maturity_reminders_days_before_check" CHECK ("days_before" IN (30, 15, 5)),
                CONSTRAINT "PK_fcfdd40a1cfa70f81d358f3d9cb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_ae0e04a26758e93c1524ba11b4" ON "maturity_reminders" ("contract_id", "days_before")
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD "kind" character varying(16) NOT NULL DEFAULT 'need'
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD "renewal_of_contract_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD "requested_renewal" character varying(32)
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD "renewal_due_by" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_1f67c24afdd5940ce0a920a598" ON "loan_contracts" ("maturity_date")
            WHERE "maturity_date" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_4d9ec593860a7e3cefe687fb47" ON "cases" ("renewal_of_contract_id")
            WHERE "renewal_of_contract_id" IS NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD CONSTRAINT "cases_requested_renewal_check" CHECK (
                    "requested_renewal" IN ('renewal', 'renewal_without_repayment')
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD CONSTRAINT "cases_renewal_check" CHECK (
                    ("kind" = 'renewal') = ("renewal_of_contract_id" IS NOT NULL)
                    AND ("kind" = 'renewal') = ("requested_renewal" IS NOT NULL)
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD CONSTRAINT "cases_kind_check" CHECK ("kind" IN ('need', 'renewal'))
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD CONSTRAINT "FK_0ec97893b8ca388f736e8d5ef1e" FOREIGN KEY ("renewal_of_contract_id") REFERENCES "loan_contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "maturity_reminders"
            ADD CONSTRAINT "FK_423d88f1fc1a053898ecb57fc05" FOREIGN KEY ("contract_id") REFERENCES "loan_contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // Renewal applications by day in the reports' rollup (no renewal case exists yet: nothing to refresh).
    await queryRunner.query(`ALTER TABLE report_day_figures ADD n_renewal integer NOT NULL DEFAULT 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE report_day_figures DROP COLUMN n_renewal`);
    await queryRunner.query(`
            ALTER TABLE "maturity_reminders" DROP CONSTRAINT "FK_423d88f1fc1a053898ecb57fc05"
        `);
    await queryRunner.query(`
            ALTER TABLE "cases" DROP CONSTRAINT "FK_0ec97893b8ca388f736e8d5ef1e"
        `);
    await queryRunner.query(`
            ALTER TABLE "cases" DROP CONSTRAINT "cases_kind_check"
        `);
    await queryRunner.query(`
            ALTER TABLE "cases" DROP CONSTRAINT "cases_renewal_check"
        `);
    await queryRunner.query(`
            ALTER TABLE "cases" DROP CONSTRAINT "cases_requested_renewal_check"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_4d9ec593860a7e3cefe687fb47"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_1f67c24afdd5940ce0a920a598"
        `);
    await queryRunner.query(`
            ALTER TABLE "cases" DROP COLUMN "renewal_due_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "cases" DROP COLUMN "requested_renewal"
        `);
    await queryRunner.query(`
            ALTER TABLE "cases" DROP COLUMN "renewal_of_contract_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "cases" DROP COLUMN "kind"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ae0e04a26758e93c1524ba11b4"
        `);
    await queryRunner.query(`
            DROP TABLE "maturity_reminders"
        `);
  }
}
