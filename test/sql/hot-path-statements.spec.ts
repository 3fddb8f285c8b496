import {
  BUILT_IN_PLAN,
  DeadlineCalculator,
  TransitionPlanner,
  claimPlan,
  type LoadedCase,
  type PlannedWrite,
  type TransitionCommand,
} from '@unblock/cases';
import {
  ADVANCE_IMPORT_CHECKPOINT,
  CLIENT_REFS_TAKEN,
  COPY_VISITS,
  CaseEntity,
  CaseObligationEntity,
  DUE_ESCALATION_INPUT,
  END_USER_SESSIONS,
  DUE_WITHOUT_ESCALATION,
  ESCALATION_INPUT_COLUMNS,
  IMPORT_CHECKPOINT_FOR_UPDATE,
  INSERT_AUDIT_RECORDS,
  INSERT_IMPORT_ERRORS,
  INSERT_INBOX_COPIES,
  INSERT_WEBHOOK_DELIVERIES,
  LOCK_CASES_OF_OBLIGATIONS,
  LOCK_OBLIGATIONS,
  MISSED_DEADLINES,
  REVOKE_USER_REFRESH_TOKENS,
  TAKE_DUE_OUTBOX,
  USER_SESSION_STATE,
  VISIT_SCOPE,
  WITHOUT_LEVEL_TWO,
  caseLoadStatement,
  caseVisibleSql,
  caseWriteLaterStatement,
  caseWriteStatement,
  insertOutboxFrom,
  obligationsFallingDueSql,
  openEscalationsSql,
  outboxRowsFromJson,
  recordVisitStatement,
  SqlParams,
  type AuditStamp,
  type CaseWriteRow,
  type Param,
} from '@unblock/database';
import type { Actor } from '@unblock/domain';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The statements the hot paths build, written to `libs/database/queries/*.sql` so that a reviewer reads
 * the real SQL in a diff. The files are checked in: a statement that changed fails this test until its file
 * is written again with `UPDATE_SQL=1 npx jest test/sql`.
 */
const DIR = resolve(__dirname, '../../libs/database/queries');
const UPDATE = process.env['UPDATE_SQL'] === '1';

const manager: Actor = { userId: 'u', role: 'bank_manager', organizationId: 'o', regionCode: '410000' };
const supervisor: Actor = { userId: 'u', role: 'supervisor', organizationId: 'o', regionCode: '410000' };
const admin: Actor = { userId: 'u', role: 'admin', organizationId: null, regionCode: null };
const audit: AuditStamp = {
  actorUserId: 'u',
  at: new Date(0),
  action: 'POST /api/v1/cases/:id/claim',
  entity: 'case',
  ip: '127.0.0.1',
  userAgent: null,
  requestId: 'r',
};
const now = new Date('2026-06-01T02:00:00Z');
const planner = new TransitionPlanner(new DeadlineCalculator());

function loaded(status: CaseEntity['status'], open: CaseObligationEntity['obligation'][]): LoadedCase {
  const current = Object.assign(new CaseEntity(), {
    id: '11111111-1111-4111-8111-111111111111',
    status,
    version: 3,
    routingTier: 1,
    assignedBankId: 'b',
    claimedByUserId: 'u',
    declinedOrgIds: [],
    escalationLevel: 0,
  });
  const obligations = open.map((obligation) =>
    Object.assign(new CaseObligationEntity(), { id: `o-${obligation}`, caseId: current.id, obligation, dueAt: now }),
  );
  return { current, open: obligations, plan: BUILT_IN_PLAN };
}

/** The statement's row of a planned write, its columns named as the database names them. */
function row({ set, ...write }: PlannedWrite, patch: Record<string, unknown>): CaseWriteRow {
  expect(Object.keys(set).length).toBe(Object.keys(patch).length);
  return { ...write, patch };
}

function command(action: TransitionCommand['action'], actor: Actor = manager): TransitionCommand {
  return { caseId: '11111111-1111-4111-8111-111111111111', action, actor };
}

const visible = (actor: Actor) => (alias: string, param: Param) => caseVisibleSql(actor, alias, param);

const claimWrites = planner.planUnread(command('claim'), [{ stamp: 'policy:1', plan: BUILT_IN_PLAN }], claimPlan, now);
const decline = planner.plan(
  command('decline'),
  loaded('assigned', ['claim']),
  'assigned',
  {
    set: { routingTier: 2, assignedBankId: 'b2', claimedByUserId: null, declinedOrgIds: ['b'] },
    pool: [],
    obligations: { cancelOpen: true, open: ['claim'] },
    event: { type: 'declined' },
  },
  now,
);
const declinePatch = { routing_tier: 2, assigned_bank_id: 'b2', claimed_by_user_id: null, declined_org_ids: ['b'] };
const timeOutToPool = planner.plan(
  command('claim_timeout', admin),
  loaded('assigned', ['claim']),
  'assigned',
  {
    set: { routingTier: 3, assignedBankId: null, escalationLevel: 1 },
    pool: ['m1', 'm2'],
    obligations: { cancelOpen: true, open: ['claim'] },
    event: { type: 'claim_deadline_missed' },
  },
  now,
);
const timeOutPatch = { routing_tier: 3, assigned_bank_id: null, escalation_level: 1 };

const STATEMENTS: Record<string, () => string> = {
  'case-claim': () => {
    if (claimWrites === null) throw new Error('a bank manager may claim');
    return caseWriteStatement(
      claimWrites.map((w) => row(w, { claimed_by_user_id: 'u', assigned_bank_id: 'o' })),
      { at: now, audit, visibleSql: visible(manager) },
    ).text;
  },
  'case-load-one': () => caseLoadStatement(['c'], visible(manager)).text,
  'case-load-many': () => caseLoadStatement(['c', 'd'], visible(admin)).text,
  'case-approve': () =>
    caseWriteStatement(
      [
        row(
          planner.plan(
            command('approve'),
            loaded('claimed', ['first_contact', 'decision']),
            'approved',
            {
              obligations: { meet: ['decision', 'first_contact'], open: ['signing'] },
              event: { type: 'approved' },
            },
            now,
          ),
          {},
        ),
      ],
      { at: now, audit },
    ).text,
  'case-decline': () => caseWriteStatement([row(decline, declinePatch)], { at: now, audit }).text,
  'case-decline-later': () =>
    caseWriteLaterStatement([row(decline, declinePatch)], new Set([decline.caseId]), now)?.text ?? '',
  'case-claim-time-outs': () =>
    caseWriteStatement([row(timeOutToPool, timeOutPatch), row(timeOutToPool, timeOutPatch)], { at: now }).text,
  'case-claim-time-outs-later': () =>
    caseWriteLaterStatement([row(timeOutToPool, timeOutPatch)], new Set([timeOutToPool.caseId]), now)?.text ?? '',
  'case-visible-bank-manager': () => caseVisibleSql(manager, 'c', new SqlParams().add),
  'case-visible-supervisor': () => caseVisibleSql(supervisor, 'c', new SqlParams().add),
  'visit-scope': () => VISIT_SCOPE,
  'visit-record': () =>
    recordVisitStatement(
      {
        campaignId: 'c',
        enterpriseId: 'e',
        regionCode: '410100',
        visitedOn: '2026-06-01',
        kind: 'gm_visit',
        visitorUserId: 'u',
        visitorOrganizationId: 'o',
        summary: '',
        clientRef: 'ref',
        campaignRegion: '410000',
        campaignKind: 'gm_visits',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
      },
      audit,
    ).text,
  'visits-import-copy': () => COPY_VISITS,
  'visits-client-refs-taken': () => CLIENT_REFS_TAKEN,
  'imports-checkpoint': () => `${IMPORT_CHECKPOINT_FOR_UPDATE};\n${ADVANCE_IMPORT_CHECKPOINT}`,
  'import-errors-insert': () => INSERT_IMPORT_ERRORS,
  'audit-records-insert': () => INSERT_AUDIT_RECORDS,
  'outbox-insert': () => insertOutboxFrom(outboxRowsFromJson('$1')),
  'outbox-take-due': () => TAKE_DUE_OUTBOX,
  'escalations-open': () =>
    openEscalationsSql(`SELECT * FROM jsonb_to_recordset($4::jsonb) AS i(${ESCALATION_INPUT_COLUMNS})`),
  'escalations-open-due': () => openEscalationsSql(DUE_ESCALATION_INPUT),
  'obligations-due-without-escalation': () => DUE_WITHOUT_ESCALATION,
  'obligations-lock': () => `${LOCK_CASES_OF_OBLIGATIONS};\n${LOCK_OBLIGATIONS}`,
  'obligations-missed': () => MISSED_DEADLINES,
  'obligations-without-level-two': () => WITHOUT_LEVEL_TWO,
  'obligations-falling-due': () => `${obligationsFallingDueSql('due_at')};\n${obligationsFallingDueSql('remind_at')}`,
  'notifications-inbox-copies': () => INSERT_INBOX_COPIES,
  'webhook-deliveries-insert': () => INSERT_WEBHOOK_DELIVERIES,
  // Every authenticated request whose user's session version is not cached reads it; every change that ends
  // a user's sessions raises it and notifies every API process.
  'users-session-state': () => USER_SESSION_STATE,
  'users-end-sessions': () => `${END_USER_SESSIONS};\n${REVOKE_USER_REFRESH_TOKENS}`,
};

/** A statement as written to its file: its lines without trailing blanks, ending with a semicolon. */
function file(text: string): string {
  return `${text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim()};\n`;
}

describe('the hot paths’ SQL', () => {
  if (UPDATE && !existsSync(DIR)) mkdirSync(DIR, { recursive: true });

  it.each(Object.keys(STATEMENTS))('%s.sql is the statement built now', (name) => {
    const built = STATEMENTS[name];
    if (built === undefined) throw new Error(`no statement ${name}`);
    const path = join(DIR, `${name}.sql`);
    const text = file(built());
    if (UPDATE) writeFileSync(path, text);
    expect(existsSync(path) ? readFileSync(path, 'utf8') : '(missing: run UPDATE_SQL=1 npx jest test/sql)').toBe(text);
  });
});
