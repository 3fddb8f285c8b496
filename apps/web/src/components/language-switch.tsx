import { useId, type ReactNode } from 'react';
import { LOCALES, useI18n } from '../i18n/i18n';

/** zh-CN / English, remembered on this device. */
export function LanguageSwitch(): ReactNode {
  const { t, locale, setLocale } = useI18n();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('lang.label')}</label>
      <select id={id} value={locale} onChange={(event) => setLocale(event.target.value === 'en' ? 'en' : 'zh-CN')}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
