/**
 * Administrative divisions, GB/T 2260: six digits, two for the province, two for the city (prefecture),
 * two for the county. A province is `PP0000`, a city `PPCC00`, a county `PPCCXX`.
 * A region's scope covers itself and every descendant; descendants share its significant prefix.
 */
export const REGION_CODE_PATTERN = /^[1-9]\d{5}$/u;

export function isRegionCode(code: string): boolean {
  return REGION_CODE_PATTERN.test(code);
}

/** The digits every descendant of `code` starts with: 2 for a province, 4 for a city, 6 for a county. */
export function regionScopePrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** True when `code` is `scope` itself or one of its descendants. */
export function isWithinRegion(code: string, scope: string): boolean {
  return isRegionCode(code) && isRegionCode(scope) && code.startsWith(regionScopePrefix(scope));
}

/** The level of a code: a province, a city or a county. */
export function regionLevel(code: string): 'province' | 'city' | 'county' {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/**
 * Whether `parent` may be the parent of `child`: a strictly higher level whose scope covers the child.
 * A county-level division may hang directly under a province (e.g. 419001 under 410000).
 */
export function isValidRegionParent(child: string, parent: string): boolean {
  if (child === parent) return false;
  const rank = { province: 0, city: 1, county: 2 } as const;
  return rank[regionLevel(parent)] < rank[regionLevel(child)] && isWithinRegion(child, parent);
}

/**
 * The inclusive range of codes within a scope, for an index-friendly `BETWEEN` (codes are digits, so the
 * range holds exactly the codes that start with the scope's prefix).
 */
export function regionCodeRange(scope: string): readonly [string, string] {
  const prefix = regionScopePrefix(scope);
  return [prefix.padEnd(6, '0'), prefix.padEnd(6, '9')];
}
