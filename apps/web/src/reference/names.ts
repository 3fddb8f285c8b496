/**
 * Names instead of ids. An id the list does not hold (yet) shows as a dash: a person never reads a UUID.
 */
export function nameOf(list: readonly { id: string; name: string }[] | undefined, id: string | null): string {
  if (id === null) return '—';
  return list?.find((item) => item.id === id)?.name ?? '—';
}

/** A region as a picker offers it: `河南省 (410000)`. */
export function regionOptions(
  regions: readonly { code: string; name: string }[] | undefined,
): { value: string; label: string }[] {
  return (regions ?? []).map((region) => ({ value: region.code, label: `${region.name} (${region.code})` }));
}

/** A region's name, or its code when the list does not hold it (a code is what people write, not an id). */
export function regionName(regions: readonly { code: string; name: string }[] | undefined, code: string): string {
  return regions?.find((region) => region.code === code)?.name ?? code;
}

/** Options of a select from a list of named items. */
export function nameOptions(
  list: readonly { id: string; name: string }[] | undefined,
): { value: string; label: string }[] {
  return (list ?? []).map((item) => ({ value: item.id, label: item.name }));
}
