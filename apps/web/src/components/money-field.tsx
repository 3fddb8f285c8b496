import type { ChangeEvent, ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { moneyPreview } from '../lib/money';
import { TextField } from './fields';

/**
 * An amount field: takes "800万", "800 万元", "8,000,000" or "800.5万", and shows what it comes to while it is
 * typed ("= 8,000,000.00 元 / 800 万元"). A text keyboard, so 万 can be typed on a phone too.
 */
export function MoneyField({
  name,
  label,
  value,
  error,
  required,
  onChange,
}: {
  name: string;
  label: string;
  value: string;
  error: string | undefined;
  required?: boolean;
  onChange: (value: string) => void;
}): ReactNode {
  const { t, locale } = useI18n();
  return (
    <TextField
      name={name}
      label={label}
      hint={moneyPreview(value, locale) ?? t('money.hint')}
      autoComplete="off"
      required={required}
      value={value}
      error={error}
      onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
    />
  );
}
