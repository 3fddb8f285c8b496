import { MigrationInterface, QueryRunner } from 'typeorm';

/** The rollup key: a month, county, bank and chain, and one dimension of the enterprise with its value. */
const KEY = 'month, region_code, bank_id, chain_id, dimension, value';

/**
 * The dimensions of an enterprise `e` as rows (dimension, value): its chain role (null outside a chain: each
 * balance once, the row every total reads), its size, and each of its tags.
 */
function dimensionsOf(e: string): string {
  return `CROSS JOIN LATERAL (SELECT 'role', ${e}.chain_role::text UNION ALL SELECT 'size', ${e}.size::text
                              UNION ALL SELECT 'tag', t FROM unnest(${e}.tags) AS t) AS k(dimension, value)`;
}

/** Adds rows (month, region_code, bank_id, chain_id, dimension, value, balance, medium_long_balance) to the rollup. */
function addRows(rows: string): string {
  return `INSERT INTO report_balance_months (${KEY}, balance, medium_long_balance)
    SELECT month, region_code, bank_id, chain_id, dimension, value, sum(balance), sum(medium_long_balance)
      FROM (${rows}) AS r
     GROUP BY month, region_code, bank_id, chain_id, dimension, value
     ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (${KEY}) DO UPDATE
       SET balance = report_balance_months.balance + EXCLUDED.balance,
           medium_long_balance = report_balance_months.medium_long_balance + EXCLUDED.medium_long_balance`;
}

/** Adds signed balances (`delta`: month, bank_id, enterprise_id, balance, medium_long_balance) to the rollup. */
function addToRollup(delta: string): string {
  return addRows(`SELECT d.month, e.region_code, d.bank_id, e.chain_id, k.dimension, k.value,
                         d.balance, d.medium_long_balance
                    FROM (${delta}) d JOIN enterprises e ON e.id = d.enterprise_id ${dimensionsOf('e')}`);
}

const OLD_ROWS =
  'SELECT month, bank_id, enterprise_id, -balance AS balance, -medium_long_balance AS medium_long_balance FROM old_rows';
const NEW_ROWS = 'SELECT month, bank_id, enterprise_id, balance, medium_long_balance FROM new_rows';

/**
 * Loan balances (issue 18): a bank's monthly balance per enterprise, corrections kept in
 * `loan_balance_revisions`; imports of kind `loan_balances`; and the rollup `report_balance_months` that
 * `/reports/balances` reads: the sums per month, county, bank, chain and one dimension (chain role, size, tag), kept exact
 * by statement triggers on the balances (a correction moves its difference) and by a row trigger on the
 * enterprises (one that changes region, chain, role, size or tags moves its balances to its new key).
 */
export class LoanBalances1796648279681 implements MigrationInterface {
  name = 'LoanBalances1796648279681';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "loan_balances" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "bank_id" uuid NOT NULL,
                "enterprise_id" uuid NOT NULL,
                "month" date NOT NULL,
                "balance" numeric(18, 2) NOT NULL,
                "medium_long_balance" numeric(18, 2) NOT NULL,
                "note" text,
                "revision" integer NOT NULL,
                "reported_by_user_id" uuid NOT NULL,
                "reported_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "import_id" uuid,
                CONSTRAINT "loan_balances_medium_long_check" CHECK ("medium_long_balance" <= "balance"),
                CONSTRAINT "loan_balances_balance_check" CHECK (
                    "balance" >= 0
                    AND "medium_long_balance" >= 0
                ),
                CONSTRAINT "loan_balances_month_check" CHECK ("month" = date_trunc('month', "month")::date),
                CONSTRAINT "PK_7fc00088d7259c2d5296e22c48a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_3e59914f0d2c7d08817f3d2556" ON "loan_balances" ("enterprise_id", "month")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_c7b0693a91ee53c4265b946fa0" ON "loan_balances" ("bank_id", "enterprise_id", "month")
        `);
    await queryRunner.query(`
            CREATE TABLE "loan_balance_revisions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "loan_balance_id" uuid NOT NULL,
                "revision" integer NOT NULL,
                "balance" numeric(18, 2) NOT NULL,
                "medium_long_balance" numeric(18, 2) NOT NULL,
                "previous_balance" numeric(18, 2),
                "previous_medium_long_balance" numeric(18, 2),
                "note" text,
                "reported_by_user_id" uuid NOT NULL,
                "reported_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "import_id" uuid,
                CONSTRAINT "PK_ba9862060051b444764a9e23097" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_914c527f8669ed038270eed3fc" ON "loan_balance_revisions" ("loan_balance_id", "revision")
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_balances"
            ADD CONSTRAINT "FK_785ae4c16aa939fe15fcda1c27f" FOREIGN KEY ("bank_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_balances"
            ADD CONSTRAINT "FK_3b147e01fce1674dc33946f5e48" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_balances"
            ADD CONSTRAINT "FK_112901b060d80bef707d2c918cc" FOREIGN KEY ("reported_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_balances"
            ADD CONSTRAINT "FK_b9390f0d8f967c1fcf00fbdd970" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_balance_revisions"
            ADD CONSTRAINT "FK_7bd283060deaf59200cd9c3e331" FOREIGN KEY ("loan_balance_id") REFERENCES "loan_balances"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_balance_revisions"
            ADD CONSTRAINT "FK_5c3f1465d08f95512447bafd220" FOREIGN KEY ("reported_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_balance_revisions"
            ADD CONSTRAINT "FK_59b7b660af0e2001f6a6d707c14" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`ALTER TABLE "imports" DROP CONSTRAINT "imports_kind_check"`);
    await queryRunner.query(`
            ALTER TABLE "imports"
            ADD CONSTRAINT "imports_kind_check" CHECK ("kind" IN ('enterprises', 'visits', 'needs', 'loan_balances'))
        `);
    await queryRunner.query(`
            CREATE TABLE "report_balance_months" (
                "month" date NOT NULL,
                "region_code" character varying(6) NOT NULL,
                "bank_id" uuid NOT NULL,
                "chain_id" uuid,
                "dimension" character varying(8) NOT NULL,
                "value" character varying(32),
                "balance" numeric(20, 2) NOT NULL,
                "medium_long_balance" numeric(20, 2) NOT NULL,
                CONSTRAINT "report_balance_months_key" UNIQUE NULLS NOT DISTINCT (${KEY})
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "report_balance_months_by_month" ON "report_balance_months" ("dimension", "month", "region_code")`,
    );
    await queryRunner.query(`
            CREATE FUNCTION report_balance_months_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN ${addToRollup(NEW_ROWS)}; RETURN NULL; END $$
        `);
    await queryRunner.query(`
            CREATE FUNCTION report_balance_months_updated() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN ${addToRollup(`${OLD_ROWS} UNION ALL ${NEW_ROWS}`)}; RETURN NULL; END $$
        `);
    await queryRunner.query(`
            CREATE FUNCTION report_balance_months_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN ${addToRollup(OLD_ROWS)}; RETURN NULL; END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER loan_balances_rollup_insert AFTER INSERT ON loan_balances
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_balance_months_inserted()
        `);
    await queryRunner.query(`
            CREATE TRIGGER loan_balances_rollup_update AFTER UPDATE ON loan_balances
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_balance_months_updated()
        `);
    await queryRunner.query(`
            CREATE TRIGGER loan_balances_rollup_delete AFTER DELETE ON loan_balances
            REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_balance_months_deleted()
        `);
    await queryRunner.query(`
            CREATE FUNCTION report_balance_months_enterprise_moved() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              ${addRows(`SELECT b.month, x.region_code, b.bank_id, x.chain_id, k.dimension, k.value,
                                x.sign * b.balance AS balance, x.sign * b.medium_long_balance AS medium_long_balance
                           FROM loan_balances b
                          CROSS JOIN (VALUES (OLD.region_code, OLD.chain_id, OLD.chain_role, OLD.size, OLD.tags, -1),
                                             (NEW.region_code, NEW.chain_id, NEW.chain_role, NEW.size, NEW.tags, 1))
                                AS x(region_code, chain_id, chain_role, size, tags, sign)
                          ${dimensionsOf('x')}
                          WHERE b.enterprise_id = NEW.id`)};
              RETURN NULL;
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER enterprises_balance_rollup AFTER UPDATE OF region_code, chain_id, chain_role, size, tags
            ON enterprises FOR EACH ROW
            WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code OR OLD.chain_id IS DISTINCT FROM NEW.chain_id
               OR OLD.chain_role IS DISTINCT FROM NEW.chain_role OR OLD.size IS DISTINCT FROM NEW.size
               OR OLD.tags IS DISTINCT FROM NEW.tags)
            EXECUTE FUNCTION report_balance_months_enterprise_moved()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER enterprises_balance_rollup ON enterprises`);
    await queryRunner.query(`DROP FUNCTION report_balance_months_enterprise_moved()`);
    await queryRunner.query(`DROP TRIGGER loan_balances_rollup_delete ON loan_balances`);
    await queryRunner.query(`DROP TRIGGER loan_balances_rollup_update ON loan_balances`);
    await queryRunner.query(`DROP TRIGGER loan_balances_rollup_insert ON loan_balances`);
    await queryRunner.query(`DROP FUNCTION report_balance_months_deleted()`);
    await queryRunner.query(`DROP FUNCTION report_balance_months_updated()`);
    await queryRunner.query(`DROP FUNCTION report_balance_months_inserted()`);
    await queryRunner.query(`DROP TABLE "report_balance_months"`);
    await queryRunner.query(`DELETE FROM "imports" WHERE "kind" = 'loan_balances'`);
    await queryRunner.query(`ALTER TABLE "imports" DROP CONSTRAINT "imports_kind_check"`);
    await queryRunner.query(`
            ALTER TABLE "imports"
            ADD CONSTRAINT "imports_kind_check" CHECK ("kind" IN ('enterprises', 'visits', 'needs'))
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_balance_revisions" DROP CONSTRAINT "FK_59b7b660af0e2001f6a6d707c14"
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_balance_revisions" DROP CONSTRAINT "FK_5c3f1465d08f95512447bafd220"
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_balance_revisions" DROP CONSTRAINT "FK_7bd283060deaf59200cd9c3e331"
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_balances" DROP CONSTRAINT "FK_b9390f0d8f967c1fcf00fbdd970"
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_balances" DROP CONSTRAINT "FK_112901b060d80bef707d2c918cc"
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_balances" DROP CONSTRAINT "FK_3b147e01fce1674dc33946f5e48"
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_balances" DROP CONSTRAINT "FK_785ae4c16aa939fe15fcda1c27f"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_914c527f8669ed038270eed3fc"
        `);
    await queryRunner.query(`
            DROP TABLE "loan_balance_revisions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_c7b0693a91ee53c4265b946fa0"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3e59914f0d2c7d08817f3d2556"
        `);
    await queryRunner.query(`
            DROP TABLE "loan_balances"
        `);
  }
}
