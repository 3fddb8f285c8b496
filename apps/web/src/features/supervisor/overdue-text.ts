/** Seconds as "2d 3h", "3h 5m", "4m 10s" (units given by the caller's language). */
export function overdueText(seconds: number, units: { d: string; h: string; m: string; s: string }): string {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}${units.d} ${h}${units.h}`;
  if (h > 0) return `${h}${units.h} ${m}${units.m}`;
  return `${m}${units.m} ${s % 60}${units.s}`;
}
