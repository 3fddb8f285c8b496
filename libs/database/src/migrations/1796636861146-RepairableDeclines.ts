import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES_BEFORE = `'diagnosed', 'submitted', 'assigned', 'claimed', 'approved', 'loan_signed', 'closed', 'screened_out'`;
const STATUSES_AFTER = `${STATUSES_BEFORE}, 'repairing'`;
const OBLIGATIONS_BEFORE = `'screening', 'claim', 'first_contact', 'decision', 'signing'`;
const OBLIGATIONS_AFTER = `${OBLIGATIONS_BEFORE}, 'repair'`;
const ROLES_BEFORE = `'admin', 'field_officer', 'bank_manager', 'supervisor'`;
const ROLES_AFTER = `${ROLES_BEFORE}, 'partner_officer'`;

/**
 * Repairable declines (二次诊断): cases gain the status `repairing`; a repair task gives the cause to an
 * organization, on a `repair` obligation of its own (several may be open on one case, so the one-open index
 * leaves `repair` out); SLA policies gain the `repair` duration; users the role `partner_officer`; the report
 * rollups count the cases in repair, and the needs that came back repaired (the funnel's `repaired`).
 */
export class RepairableDeclines1796636861146 implements MigrationInterface {
  name = 'RepairableDeclines1796636861146';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.checks(queryRunner, STATUSES_AFTER, OBLIGATIONS_AFTER, ROLES_AFTER);
    await this.oneOpen(queryRunner, `AND "obligation" <> 'repair'`);
    await queryRunner.query(
      `ALTER TABLE report_day_figures ADD n_repairing integer NOT NULL DEFAULT 0, ADD n_reached_repaired integer NOT NULL DEFAULT 0`,
    );
    await queryRunner.query(`
            CREATE TABLE "repair_tasks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "case_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "obligation_id" uuid NOT NULL,
                "reason_code" character varying(48) NOT NULL,
                "declined_by_organization_id" uuid,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'open',
                "note" text,
                "opened_by_user_id" uuid NOT NULL,
                "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "completed_by_user_id" uuid,
                "outcome_note" text,
                CONSTRAINT "repair_tasks_status_check" CHECK (
                    "status" IN (
                        'open',
                        'repaired',
                        'not_repairable',
                        'cancelled'
                    )
                ),
                CONSTRAINT "PK_cfdcd393e9da98e3a64e61b0951" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_fb76c9429744ac11da20660224" ON "repair_tasks" ("case_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_643ba8298bec5c26a1922f56f1" ON "repair_tasks" ("obligation_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "repair_tasks_by_organization" ON "repair_tasks" ("organization_id", "status", "due_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "sla_policies"
            ADD "repair" character varying(32) NOT NULL DEFAULT '10BD'
        `);
    await queryRunner.query(`
            ALTER TABLE "repair_tasks"
            ADD CONSTRAINT "FK_fb76c9429744ac11da206602241" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "repair_tasks"
            ADD CONSTRAINT "FK_35cf55f2ec8f92f4f75f2bd918e" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "repair_tasks"
            ADD CONSTRAINT "FK_643ba8298bec5c26a1922f56f16" FOREIGN KEY ("obligation_id") REFERENCES "case_obligations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "repair_tasks" DROP CONSTRAINT "FK_643ba8298bec5c26a1922f56f16"
        `);
    await queryRunner.query(`
            ALTER TABLE "repair_tasks" DROP CONSTRAINT "FK_35cf55f2ec8f92f4f75f2bd918e"
        `);
    await queryRunner.query(`
            ALTER TABLE "repair_tasks" DROP CONSTRAINT "FK_fb76c9429744ac11da206602241"
        `);
    await queryRunner.query(`
            ALTER TABLE "sla_policies" DROP COLUMN "repair"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."repair_tasks_by_organization"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_643ba8298bec5c26a1922f56f1"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_fb76c9429744ac11da20660224"
        `);
    await queryRunner.query(`
            DROP TABLE "repair_tasks"
        `);
    await queryRunner.query(`ALTER TABLE report_day_figures DROP COLUMN n_repairing, DROP COLUMN n_reached_repaired`);
    // Reverting requires that no case is in repair, no repair obligation is left and no partner officer exists.
    await this.oneOpen(queryRunner, '');
    await this.checks(queryRunner, STATUSES_BEFORE, OBLIGATIONS_BEFORE, ROLES_BEFORE);
  }

  private async oneOpen(queryRunner: QueryRunner, more: string): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."case_obligations_one_open"`);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "case_obligations_one_open" ON "case_obligations" ("case_id", "obligation")
             WHERE "met_at" IS NULL AND "cancelled_at" IS NULL ${more}`);
  }

  private async checks(queryRunner: QueryRunner, statuses: string, obligations: string, roles: string): Promise<void> {
    await queryRunner.query(`ALTER TABLE cases DROP CONSTRAINT "cases_status_check"`);
    await queryRunner.query(`ALTER TABLE cases ADD CONSTRAINT "cases_status_check" CHECK ("status" IN (${statuses}))`);
    for (const table of ['case_obligations', 'escalations']) {
      await queryRunner.query(`ALTER TABLE ${table} DROP CONSTRAINT "${table}_obligation_check"`);
      await queryRunner.query(
        `ALTER TABLE ${table} ADD CONSTRAINT "${table}_obligation_check" CHECK ("obligation" IN (${obligations}))`,
      );
    }
    await queryRunner.query(`ALTER TABLE users DROP CONSTRAINT "users_role_check"`);
    await queryRunner.query(`ALTER TABLE users ADD CONSTRAINT "users_role_check" CHECK ("role" IN (${roles}))`);
  }
}
