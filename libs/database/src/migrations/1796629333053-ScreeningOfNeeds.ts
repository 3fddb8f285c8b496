import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES_BEFORE = `'diagnosed', 'assigned', 'claimed', 'approved', 'loan_signed', 'closed'`;
const STATUSES_AFTER = `'diagnosed', 'submitted', 'assigned', 'claimed', 'approved', 'loan_signed', 'closed', 'screened_out'`;
const OBLIGATIONS_BEFORE = `'claim', 'first_contact', 'decision', 'signing'`;
const OBLIGATIONS_AFTER = `'screening', 'claim', 'first_contact', 'decision', 'signing'`;

/**
 * Screening (申报清单 → 推荐清单): a campaign may require it; a need of such a campaign is `submitted` until the
 * task force recommends it (routed) or screens it out (`screened_out`), on the `screening` clock of the SLA
 * policy. A screening records the five criteria, each met or not with a note, and the decision. The report
 * rollups count needs submitted, recommended and screened out; every case day is marked for the next refresh.
 */
export class ScreeningOfNeeds1796629333053 implements MigrationInterface {
  name = 'ScreeningOfNeeds1796629333053';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.checks(queryRunner, STATUSES_AFTER, OBLIGATIONS_AFTER);
    await queryRunner.query(`
      CREATE TABLE "screenings" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "case_id" uuid NOT NULL,
        "compliant_operation" boolean NOT NULL,
        "compliant_operation_note" text,
        "fixed_premises" boolean NOT NULL,
        "fixed_premises_note" text,
        "genuine_need" boolean NOT NULL,
        "genuine_need_note" text,
        "good_credit" boolean NOT NULL,
        "good_credit_note" text,
        "lawful_purpose" boolean NOT NULL,
        "lawful_purpose_note" text,
        "decision" character varying(16) NOT NULL,
        "note" text,
        "screened_by_user_id" uuid NOT NULL,
        "screened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "screenings_decision_check" CHECK ("decision" IN ('recommend', 'screen_out')),
        CONSTRAINT "PK_343138765d7d5a69f71b2ff7795" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_20de33ad37ca52aa32b08b3f26" ON "screenings" ("case_id")`);
    await queryRunner.query(`
      ALTER TABLE "screenings" ADD CONSTRAINT "FK_20de33ad37ca52aa32b08b3f264"
        FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sla_policies" ADD "screening" character varying(32) NOT NULL DEFAULT '3BD'`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "screening" character varying(16) NOT NULL DEFAULT 'none'`);
    await queryRunner.query(
      `ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_screening_check" CHECK ("screening" IN ('none', 'required'))`,
    );
    await queryRunner.query(`
      ALTER TABLE report_day_figures
        ADD n_submitted integer NOT NULL DEFAULT 0,
        ADD n_screened_out integer NOT NULL DEFAULT 0,
        ADD n_recommended integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`
      INSERT INTO report_dirty_days (campaign_id, day)
      SELECT DISTINCT campaign_id, (created_at AT TIME ZONE 'Asia/Shanghai')::date FROM cases
      ON CONFLICT DO NOTHING`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE report_day_figures DROP COLUMN n_recommended, DROP COLUMN n_screened_out, DROP COLUMN n_submitted`,
    );
    await queryRunner.query(`ALTER TABLE "campaigns" DROP CONSTRAINT "campaigns_screening_check"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "screening"`);
    await queryRunner.query(`ALTER TABLE "sla_policies" DROP COLUMN "screening"`);
    await queryRunner.query(`DROP TABLE "screenings"`);
    // Reverting requires that no case is submitted or screened out, and no screening obligation is left.
    await this.checks(queryRunner, STATUSES_BEFORE, OBLIGATIONS_BEFORE);
  }

  private async checks(queryRunner: QueryRunner, statuses: string, obligations: string): Promise<void> {
    await queryRunner.query(`ALTER TABLE cases DROP CONSTRAINT "cases_status_check"`);
    await queryRunner.query(`ALTER TABLE cases ADD CONSTRAINT "cases_status_check" CHECK ("status" IN (${statuses}))`);
    for (const table of ['case_obligations', 'escalations']) {
      await queryRunner.query(`ALTER TABLE ${table} DROP CONSTRAINT "${table}_obligation_check"`);
      await queryRunner.query(
        `ALTER TABLE ${table} ADD CONSTRAINT "${table}_obligation_check" CHECK ("obligation" IN (${obligations}))`,
      );
    }
  }
}
