/** The user $1 as an actor: role, organization, region, and whether the account is active. */
export const USER_AS_ACTOR = `SELECT id, role, organization_id, region_code, active FROM users WHERE id = $1`;
