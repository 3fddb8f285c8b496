import { DomainError } from '@unblock/domain';
import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';

/**
 * Loads the record a command refers to, or fails naming the command's field: a reference to nothing is
 * bad input (400), not a missing resource.
 */
export async function requireReferenced<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  where: FindOptionsWhere<T>,
  field: string,
  what: string,
): Promise<T> {
  const found = await manager.findOneBy(entity, where);
  if (!found) throw DomainError.invalid(field, `no ${what} has this id`);
  return found;
}
