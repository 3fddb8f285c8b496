import { parseSlaDuration } from '@unblock/domain';
import type { Translate } from '../../i18n/i18n';

/**
 * An SLA duration as people write it: a whole number and a unit (3 个工作日, 2 小时), stored as the API
 * takes it (`3BD`, `PT2H`); an ISO 8601 duration typed as it is stays an advanced choice.
 */
export const DURATION_UNITS = ['BD', 'H', 'M', 'S', 'D', 'ISO'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** The durations of a policy, in the order the form and the table show them. */
export const SLA_DURATIONS = [
  'screening',
  'claim',
  'firstContact',
  'decision',
  'signing',
  'repair',
  'remindBefore',
  'levelTwoAfter',
] as const;
export type SlaDurationField = (typeof SLA_DURATIONS)[number];

/** The form value that holds a duration field's unit (its amount is under the field's own name). */
export const unitKey = (field: string): string => `${field}.unit`;

const SIMPLE: Record<Exclude<DurationUnit, 'ISO'>, RegExp> = {
  BD: /^(\d+)BD$/u,
  H: /^PT(\d+)H$/u,
  M: /^PT(\d+)M$/u,
  S: /^PT(\d+)S$/u,
  D: /^P(\d+)D$/u,
};

/** A stored duration as the form's amount and unit: `3BD` → 3 工作日, `PT30S` → 30 秒, `P1DT2H` → ISO. */
export function splitDuration(stored: string): { amount: string; unit: DurationUnit } {
  for (const unit of DURATION_UNITS) {
    if (unit === 'ISO') break;
    const match = SIMPLE[unit].exec(stored);
    if (match?.[1] !== undefined) return { amount: String(Number(match[1])), unit };
  }
  return { amount: stored, unit: 'ISO' };
}

/**
 * The stored duration for an amount and a unit: a whole number from 1 (at most 999 business days, as the
 * API takes them), or with `ISO` an ISO 8601 duration; undefined when it is neither.
 */
export function joinDuration(amount: string, unit: DurationUnit): string | undefined {
  const text = amount.normalize('NFKC').trim();
  if (unit === 'ISO') {
    const iso = text.toUpperCase();
    return parseSlaDuration(iso) !== null && !iso.endsWith('BD') ? iso : undefined;
  }
  if (!/^\d{1,5}$/u.test(text) || Number(text) < 1) return undefined;
  const n = Number(text);
  if (unit === 'BD') return n <= 999 ? `${n}BD` : undefined;
  return unit === 'D' ? `P${n}D` : `PT${n}${unit}`;
}

/** A stored duration as people read it: `3BD` → "3 个工作日", `PT30S` → "30 秒", `P1DT2H` → "P1DT2H（ISO 8601）". */
export function durationText(stored: string, t: Translate): string {
  const { amount, unit } = splitDuration(stored);
  return unit === 'ISO' ? t('duration.show.ISO', { text: stored }) : t(`duration.show.${unit}`, { n: amount });
}
