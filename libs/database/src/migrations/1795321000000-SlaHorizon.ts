import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Redis holds only the jobs due within the queue horizon (24 hours), and so does the outbox: a transition
 * writes the deadline and reminder messages that fall due within it, and the sweeper tops the horizon up
 * from the open obligations as it moves on. For that, an obligation keeps when its reminder is due
 * (`remind_at`, indexed while open), and `sla_horizon` keeps how far ahead the sweeper has put the open
 * obligations' jobs on the queue. Existing obligations take their reminder's time from their outbox message.
 * And an escalation at a deadline commits before what follows from it, which it marks when done.
 */
export class SlaHorizon1795321000000 implements MigrationInterface {
  name = 'SlaHorizon1795321000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_obligations ADD remind_at timestamptz`);
    await queryRunner.query(`
      UPDATE case_obligations o SET remind_at = r.run_at
        FROM (SELECT DISTINCT ON (payload->>'obligationId') (payload->>'obligationId')::uuid AS obligation_id,
                     (payload->>'dueAt')::timestamptz AS due_at, run_at
                FROM outbox WHERE type = 'sla.reminder'
               ORDER BY payload->>'obligationId', run_at DESC) r
       WHERE o.id = r.obligation_id AND o.due_at = r.due_at AND o.met_at IS NULL AND o.cancelled_at IS NULL`);
    await queryRunner.query(`
      CREATE INDEX case_obligations_open_remind ON case_obligations (remind_at)
       WHERE met_at IS NULL AND cancelled_at IS NULL AND remind_at IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE sla_horizon (
        id smallint PRIMARY KEY CHECK (id = 1),
        -- The open obligations' deadlines and reminders due up to here are on the queue (or were); null: none.
        covered_until timestamptz
      )`);
    await queryRunner.query(`INSERT INTO sla_horizon (id, covered_until) VALUES (1, NULL)`);
    // A deadline's escalation commits first; what follows it (notices, a missed claim's move) is done after,
    // and until then the escalation says so.
    await queryRunner.query(`ALTER TABLE escalations ADD followed_up_at timestamptz DEFAULT now()`);
    await queryRunner.query(
      `CREATE INDEX escalations_follow_up ON escalations (opened_at) WHERE followed_up_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX escalations_follow_up`);
    await queryRunner.query(`ALTER TABLE escalations DROP COLUMN followed_up_at`);
    await queryRunner.query(`DROP TABLE sla_horizon`);
    await queryRunner.query(`DROP INDEX case_obligations_open_remind`);
    await queryRunner.query(`ALTER TABLE case_obligations DROP COLUMN remind_at`);
  }
}
