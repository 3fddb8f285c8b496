import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * An entity from a raw row (`RETURNING *`, a hand-written SELECT), converted column by column exactly as
 * TypeORM converts the rows it reads itself: for the hot paths that answer from one raw statement. Given a
 * `base`, the entity starts as a copy of it and takes the row's columns over it (a row of some columns).
 */
export function hydrate<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
  base?: T,
): T {
  const metadata = dataSource.getMetadata(target);
  const entity = metadata.create() as T;
  if (base !== undefined) Object.assign(entity, base);
  for (const column of metadata.columns) {
    if (!(column.databaseName in row)) continue;
    column.setEntityValue(entity, dataSource.driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return entity;
}
