/** The INSERT of the timeline events of `rows`, a relation with the columns (case_id, type, actor_user_id, at, data). */
export function insertCaseEventsFrom(rows: string): string {
  return `INSERT INTO case_events (case_id, type, actor_user_id, at, data)
          SELECT case_id, type, actor_user_id, at, data FROM ${rows}`;
}
