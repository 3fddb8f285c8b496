import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'policy_promotion', 'on_site_diagnosis', 'gm_visit', 'follow_up'`;
const COLUMNS = `id, created_at, updated_at, campaign_id, enterprise_id, visited_on, kind, visitor_user_id, summary,
  client_ref, visitor_organization_id, region_code`;

/**
 * Visits partitioned by month of `visited_on` (see docs/scale.md). Each month is a partition `visits_YYYY_MM`;
 * `visits_default` takes a visit of a month that has none yet, so no visit ever fails for want of one, and
 * `visits_ensure_month(day)` makes a month's partition (moving that month's rows out of the default) — the
 * import calls it for each month it writes. `visits_archive_month(day)` detaches a month into the `archive`
 * schema. Ids are time-ordered (UUID v7) so each partition's primary key appends. The indexes are those the
 * product's queries use; the client reference is unique per visitor and day in the index (the writers look up
 * the reference on every day first). The per-row foreign keys go: the writers check the enterprise, campaign
 * and visitor, and a case keeps its `origin_visit_id` when the visit's month is archived. The report trigger
 * goes too: the writers mark their visits' days stale (`MARK_VISIT_DAYS`, and POST /visits' statement).
 */
export class PartitionVisits1796650000000 implements MigrationInterface {
  name = 'PartitionVisits1796650000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string): Promise<unknown> => queryRunner.query(sql);
    // RFC 9562 version 7: 48 bits of Unix milliseconds, then random bits.
    await q(`
      CREATE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
        SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
                 PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                 FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
      $$`);
    await q(`ALTER TABLE cases DROP CONSTRAINT "FK_d6e0e92c6e932832a77a2318ffe"`);
    await q(`DROP TRIGGER report_mark_visits_insert ON visits`);
    await q(`ALTER TABLE visits RENAME TO visits_unpartitioned`);
    await q(`
      CREATE TABLE visits (
        id uuid NOT NULL DEFAULT uuid_v7(),
        created_at timestamp(3) with time zone NOT NULL DEFAULT now(),
        updated_at timestamp(3) with time zone NOT NULL DEFAULT now(),
        campaign_id uuid NOT NULL,
        enterprise_id uuid NOT NULL,
        visited_on date NOT NULL,
        kind varchar(24) NOT NULL CONSTRAINT visits_kind_check CHECK (kind IN (${KINDS})),
        visitor_user_id uuid NOT NULL,
        summary text NOT NULL DEFAULT '',
        client_ref varchar(100),
        visitor_organization_id uuid,
        region_code varchar(6) NOT NULL
      ) PARTITION BY RANGE (visited_on)`);
    await q(`CREATE TABLE visits_default PARTITION OF visits DEFAULT`);
    await q(`
      CREATE FUNCTION visits_ensure_month(day date) RETURNS text LANGUAGE plpgsql AS $$
      DECLARE
        first date := date_trunc('month', day)::date;
        next date := (date_trunc('month', day) + interval '1 month')::date;
        part text := 'visits_' || to_char(day, 'YYYY_MM');
      BEGIN
        IF to_regclass('public.' || part) IS NOT NULL THEN RETURN part; END IF;
        PERFORM pg_advisory_xact_lock(hashtext('visits_ensure_month'));
        IF to_regclass('public.' || part) IS NOT NULL THEN RETURN part; END IF;
        EXECUTE format('CREATE TABLE public.%I (LIKE public.visits INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part);
        EXECUTE format('WITH moved AS (DELETE FROM public.visits_default WHERE visited_on >= %L AND visited_on < %L
                          RETURNING *) INSERT INTO public.%I SELECT * FROM moved', first, next, part);
        EXECUTE format('ALTER TABLE public.visits ATTACH PARTITION public.%I FOR VALUES FROM (%L) TO (%L)',
                       part, first, next);
        RETURN part;
      END $$`);
    await q(`CREATE SCHEMA IF NOT EXISTS archive`);
    await q(`
      CREATE FUNCTION visits_archive_month(day date) RETURNS text LANGUAGE plpgsql AS $$
      DECLARE
        part text := 'visits_' || to_char(day, 'YYYY_MM');
      BEGIN
        IF to_regclass('public.' || part) IS NULL THEN RETURN NULL; END IF;
        EXECUTE format('ALTER TABLE public.visits DETACH PARTITION public.%I', part);
        EXECUTE format('ALTER TABLE public.%I SET SCHEMA archive', part);
        RETURN 'archive.' || part;
      END $$`);
    // The months that hold visits now, and the coming year's.
    await q(`
      SELECT visits_ensure_month(m::date) FROM generate_series(
        date_trunc('month', least(current_date, (SELECT min(visited_on) FROM visits_unpartitioned))),
        date_trunc('month', greatest(current_date, (SELECT max(visited_on) FROM visits_unpartitioned))) + interval '12 months',
        interval '1 month') AS m`);
    await q(`INSERT INTO visits (${COLUMNS}) SELECT ${COLUMNS} FROM visits_unpartitioned`);
    await q(`DROP TABLE visits_unpartitioned`);
    await q(`ALTER TABLE visits ADD CONSTRAINT visits_pkey PRIMARY KEY (id, visited_on)`);
    await q(`CREATE INDEX visits_by_enterprise ON visits (enterprise_id)`);
    await q(`CREATE INDEX visits_by_campaign_day ON visits (campaign_id, visited_on)`);
    await q(`CREATE INDEX visits_by_region ON visits (region_code)`);
    await q(`CREATE INDEX visits_by_visitor_organization ON visits (visitor_organization_id)`);
    // Also the visitor's visits (the cases' "diagnosed by me", the list's visitor filter): a second index on
    // visitor_user_id would cost less for rows without a reference, but the planner, its statistics behind
    // an import, then probes the references through it and reads the visitor's every visit per reference.
    await q(`CREATE UNIQUE INDEX visits_client_ref_per_visitor ON visits (visitor_user_id, client_ref, visited_on)`);
    // No trigger: a statement-level trigger with a transition table on a partitioned table makes COPY insert
    // row by row; the writers of visits mark their days stale themselves, in the same transaction.
    await q(`DROP FUNCTION report_mark_visits()`);
    await q(`ANALYZE visits`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string): Promise<unknown> => queryRunner.query(sql);
    await q(`ALTER TABLE visits RENAME TO visits_partitioned`);
    await q(`
      CREATE TABLE visits (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        created_at timestamp(3) with time zone NOT NULL DEFAULT now(),
        updated_at timestamp(3) with time zone NOT NULL DEFAULT now(),
        campaign_id uuid NOT NULL,
        enterprise_id uuid NOT NULL,
        visited_on date NOT NULL,
        kind varchar(24) NOT NULL,
        visitor_user_id uuid NOT NULL,
        summary text NOT NULL DEFAULT '',
        client_ref varchar(100),
        visitor_organization_id uuid,
        region_code varchar(6) NOT NULL,
        CONSTRAINT "visits_kind_check" CHECK (kind IN (${KINDS})),
        CONSTRAINT "PK_0b0b322289a41015c6ea4e8bf30" PRIMARY KEY (id)
      )`);
    await q(`INSERT INTO visits (${COLUMNS}) SELECT ${COLUMNS} FROM visits_partitioned`);
    await q(`DROP TABLE visits_partitioned`);
    await q(`DROP FUNCTION visits_archive_month(date)`);
    await q(`DROP FUNCTION visits_ensure_month(date)`);
    await q(`DROP FUNCTION uuid_v7()`);
    await q(`DROP SCHEMA IF EXISTS archive`);
    await q(`CREATE INDEX "IDX_9cd53dbd41ca2976dde7487e2e" ON visits (campaign_id, visited_on)`);
    await q(`CREATE INDEX "IDX_1c5a373aed2bf712e7146024c1" ON visits (enterprise_id, visited_on)`);
    await q(`CREATE UNIQUE INDEX "visits_client_ref_per_visitor" ON visits (visitor_user_id, client_ref)`);
    await q(`CREATE INDEX "IDX_f1d10561bd579b9dd12248d62a" ON visits (visitor_organization_id)`);
    await q(`CREATE INDEX "IDX_208a1c693061b3c02bc953ecd8" ON visits (region_code)`);
    await q(
      `CREATE INDEX visits_by_visitor_org ON visits (campaign_id, visitor_organization_id, visited_on, enterprise_id)`,
    );
    for (const [name, column, table] of [
      ['FK_98fcf4944ea810a0ad4961f6938', 'campaign_id', 'campaigns'],
      ['FK_46a1e44273ed3393d0b405952cd', 'enterprise_id', 'enterprises'],
      ['FK_ca57103659e88a1fdacc73d3656', 'visitor_user_id', 'users'],
    ] as const) {
      await q(
        `ALTER TABLE visits ADD CONSTRAINT "${name}" FOREIGN KEY (${column}) REFERENCES ${table}(id) ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
    }
    await q(`
      ALTER TABLE cases ADD CONSTRAINT "FK_d6e0e92c6e932832a77a2318ffe" FOREIGN KEY (origin_visit_id)
      REFERENCES visits(id) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q(`
      CREATE FUNCTION report_mark_visits() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO report_dirty_days (campaign_id, day) SELECT DISTINCT campaign_id, visited_on FROM changed;
        RETURN NULL;
      END $$`);
    await q(`
      CREATE TRIGGER report_mark_visits_insert AFTER INSERT ON visits
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_mark_visits()`);
  }
}
