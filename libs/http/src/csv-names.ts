import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** What an export names instead of an id. */
export type NamedKind = 'enterprise' | 'organization' | 'chain' | 'region' | 'user';

/** One statement per kind: the names of the ids (region codes for regions) an export holds. */
const NAMES: Readonly<Record<NamedKind, string>> = {
  enterprise: 'SELECT id::text AS key, name FROM enterprises WHERE id = ANY($1::uuid[])',
  organization: 'SELECT id::text AS key, name FROM organizations WHERE id = ANY($1::uuid[])',
  chain: 'SELECT id::text AS key, name FROM industrial_chains WHERE id = ANY($1::uuid[])',
  region: 'SELECT code AS key, name FROM regions WHERE code = ANY($1::text[])',
  user: 'SELECT id::text AS key, name FROM users WHERE id = ANY($1::uuid[])',
};

/** Looks up the names people read in an export: enterprises, banks, chains, regions and people. */
@Injectable()
export class CsvNames {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(kind: NamedKind, keys: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(keys.filter((k): k is string => typeof k === 'string' && k !== ''))];
    if (wanted.length === 0) return new Map();
    const rows = await this.dataSource.query<{ key: string; name: string }[]>(NAMES[kind], [wanted]);
    return new Map(rows.map((r) => [r.key, r.name]));
  }
}
