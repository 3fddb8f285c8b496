import type { RegionEntity } from '@unblock/database';

export class RegionResponse {
  id!: string;
  /** Six-digit GB/T 2260 code. */
  code!: string;
  name!: string;
  parentCode!: string | null;
}

export function toRegionResponse(region: RegionEntity): RegionResponse {
  return { id: region.id, code: region.code, name: region.name, parentCode: region.parentCode };
}
