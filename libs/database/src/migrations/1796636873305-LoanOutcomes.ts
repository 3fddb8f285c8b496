import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Loan outcomes (issue 18): a contract's maturity date, first loan (declared, and as the reports count it),
 * security, guarantee institution and fee rate, renewal and policy instruments; and their rollup per campaign,
 * day and one dimension (region, chain, bank, the day's total) beside report_day_figures, refreshed with it.
 * Amounts times rates are kept exact (numeric) so that averages weighted by amount are exact.
 */
export class LoanOutcomes1796636873305 implements MigrationInterface {
  name = 'LoanOutcomes1796636873305';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "loan_contracts"
            ADD "maturity_date" date
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts"
            ADD "first_loan_declared" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts"
            ADD "first_loan" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts"
            ADD "security" character varying(16)
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts"
            ADD "guarantee_institution_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts"
            ADD "guarantee_fee_rate_pct" numeric(6, 3)
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts"
            ADD "renewal" character varying(32) NOT NULL DEFAULT 'none'
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts"
            ADD "policy_instruments" text array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts"
            ADD CONSTRAINT "loan_contracts_guarantee_check" CHECK (
                    (
                        "security" IS NOT DISTINCT
                        FROM 'guarantee'
                    ) = ("guarantee_institution_id" IS NOT NULL)
                    AND (
                        "security" IS NOT DISTINCT
                        FROM 'guarantee'
                    ) = ("guarantee_fee_rate_pct" IS NOT NULL)
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts"
            ADD CONSTRAINT "loan_contracts_renewal_check" CHECK (
                    "renewal" IN ('none', 'renewal', 'renewal_without_repayment')
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts"
            ADD CONSTRAINT "loan_contracts_security_check" CHECK (
                    "security" IN ('credit', 'collateral', 'guarantee')
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts"
            ADD CONSTRAINT "loan_contracts_maturity_check" CHECK ("maturity_date" > "signed_on")
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts"
            ADD CONSTRAINT "FK_f0cdc10f45a9a6f637ac5dc4f88" FOREIGN KEY ("guarantee_institution_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            CREATE TABLE report_loan_outcomes (
                campaign_id uuid NOT NULL,
                day date NOT NULL,
                kind char(1) NOT NULL CHECK (kind IN ('r', 'c', 'b', 't', 'C', 'T')),
                key text NOT NULL,
                signed_count integer NOT NULL DEFAULT 0,
                signed_amount numeric(20, 2) NOT NULL DEFAULT 0,
                rate_amount numeric(30, 5) NOT NULL DEFAULT 0,
                first_count integer NOT NULL DEFAULT 0,
                first_amount numeric(20, 2) NOT NULL DEFAULT 0,
                credit_count integer NOT NULL DEFAULT 0,
                credit_amount numeric(20, 2) NOT NULL DEFAULT 0,
                collateral_count integer NOT NULL DEFAULT 0,
                collateral_amount numeric(20, 2) NOT NULL DEFAULT 0,
                guarantee_count integer NOT NULL DEFAULT 0,
                guarantee_amount numeric(20, 2) NOT NULL DEFAULT 0,
                guarantee_fee_amount numeric(30, 5) NOT NULL DEFAULT 0,
                renewal_count integer NOT NULL DEFAULT 0,
                renewal_amount numeric(20, 2) NOT NULL DEFAULT 0,
                renewal_wr_count integer NOT NULL DEFAULT 0,
                renewal_wr_amount numeric(20, 2) NOT NULL DEFAULT 0,
                relending_count integer NOT NULL DEFAULT 0,
                relending_amount numeric(20, 2) NOT NULL DEFAULT 0,
                interest_subsidy_count integer NOT NULL DEFAULT 0,
                interest_subsidy_amount numeric(20, 2) NOT NULL DEFAULT 0,
                risk_compensation_count integer NOT NULL DEFAULT 0,
                risk_compensation_amount numeric(20, 2) NOT NULL DEFAULT 0,
                guarantee_fee_subsidy_count integer NOT NULL DEFAULT 0,
                guarantee_fee_subsidy_amount numeric(20, 2) NOT NULL DEFAULT 0,
                PRIMARY KEY (campaign_id, kind, day, key)
            )
        `);
    // Every contract of the campaign's days is recomputed: mark them all.
    await queryRunner.query(`
            INSERT INTO report_dirty_days (campaign_id, day)
            SELECT DISTINCT c.campaign_id, l.signed_on FROM loan_contracts l JOIN cases c ON c.id = l.case_id
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE report_loan_outcomes`);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts" DROP CONSTRAINT "FK_f0cdc10f45a9a6f637ac5dc4f88"
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts" DROP CONSTRAINT "loan_contracts_maturity_check"
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts" DROP CONSTRAINT "loan_contracts_security_check"
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts" DROP CONSTRAINT "loan_contracts_renewal_check"
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts" DROP CONSTRAINT "loan_contracts_guarantee_check"
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts" DROP COLUMN "policy_instruments"
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts" DROP COLUMN "renewal"
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts" DROP COLUMN "guarantee_fee_rate_pct"
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts" DROP COLUMN "guarantee_institution_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts" DROP COLUMN "security"
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts" DROP COLUMN "first_loan"
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts" DROP COLUMN "first_loan_declared"
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts" DROP COLUMN "maturity_date"
        `);
  }
}
