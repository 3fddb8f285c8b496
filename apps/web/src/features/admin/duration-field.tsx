import { useId, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { DURATION_UNITS, type DurationUnit } from './sla-durations';

/**
 * A duration as people write it: a number and a unit (3 个工作日, 2 小时); "ISO 8601 duration" is the
 * advanced choice, whose text is typed as it is (PT30S).
 */
export function DurationField({
  label,
  hint,
  error,
  amount,
  unit,
  onChange,
  name,
}: {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  amount: string;
  unit: DurationUnit;
  onChange: (amount: string, unit: DurationUnit) => void;
  name: string;
}): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={error ? 'field duration-field has-error' : 'field duration-field'}
      aria-describedby={described}
    >
      <legend>{label}</legend>
      <div className="duration-inputs">
        <input
          name={name}
          value={amount}
          inputMode={unit === 'ISO' ? 'text' : 'numeric'}
          placeholder={unit === 'ISO' ? 'PT30S' : ''}
          autoComplete="off"
          aria-label={t('duration.amount', { label })}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          onChange={(event) => onChange(event.target.value, unit)}
        />
        <select
          name={`${name}.unit`}
          value={unit}
          aria-label={t('duration.unit', { label })}
          onChange={(event) => onChange(amount, event.target.value as DurationUnit)}
        >
          {DURATION_UNITS.map((u) => (
            <option key={u} value={u}>
              {t(`duration.unit.${u}`)}
            </option>
          ))}
        </select>
      </div>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
