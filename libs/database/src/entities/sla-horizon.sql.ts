/** How far the sweeper has put the open obligations' jobs on the queue (one row), locked for the sweep. */
export const SLA_HORIZON_FOR_UPDATE = `SELECT covered_until FROM sla_horizon WHERE id = 1 FOR UPDATE`;

/** Records how far the sweeper's top-up got ($1). */
export const SET_SLA_HORIZON = `UPDATE sla_horizon SET covered_until = $1 WHERE id = 1`;
