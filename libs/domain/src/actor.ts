import type { Role } from './roles';
import { isWithinRegion } from './region';

/** Who is acting: the authenticated user as every use case sees them. */
export interface Actor {
  readonly userId: string;
  readonly role: Role;
  /** Null only for an admin. */
  readonly organizationId: string | null;
  /** The region the actor's reads are scoped to; null (unscoped) only for an admin. */
  readonly regionCode: string | null;
}

/** The region scope of an actor's reads, or null when the actor sees every region (an admin). */
export function readScope(actor: Actor): string | null {
  return actor.role === 'admin' ? null : actor.regionCode;
}

/** True when the actor may read an object that belongs to `regionCode`. */
export function canReadRegion(actor: Actor, regionCode: string): boolean {
  const scope = readScope(actor);
  return scope === null || isWithinRegion(regionCode, scope);
}
