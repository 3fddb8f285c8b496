import type { UserEntity } from '@unblock/database';
import type { Role } from '@unblock/domain';

export class UserResponse {
  id!: string;
  email!: string;
  name!: string;
  role!: Role;
  /** Null only for an admin. */
  organizationId!: string | null;
  /** Null only for an admin. */
  regionCode!: string | null;
  active!: boolean;
  createdAt!: string;
}

export function toUserResponse(user: UserEntity): UserResponse {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organizationId: user.organizationId,
    regionCode: user.regionCode,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
  };
}

export function actorOf(user: UserEntity): {
  userId: string;
  role: Role;
  organizationId: string | null;
  regionCode: string | null;
} {
  return { userId: user.id, role: user.role, organizationId: user.organizationId, regionCode: user.regionCode };
}
