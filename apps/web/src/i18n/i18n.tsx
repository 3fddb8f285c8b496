import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatDateTime, formatDay } from '../lib/dates';
import { exactYuan, formatMoney, type Locale } from '../lib/money';
import { en, type MessageKey, type Messages } from './messages.en';
import { zhCN } from './messages.zh-cn';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
const DICTIONARIES: Record<Locale, Messages> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'unblock.locale';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** `{name}` placeholders filled from `vars`. */
export function translate(locale: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return DICTIONARIES[locale][key].replace(/\{(\w+)\}/gu, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** Money for reading (万/亿 in Chinese); `exact` the full amount with separators. */
  money: (decimal: string) => string;
  exact: (decimal: string) => string;
  day: (isoDate: string) => string;
  dateTime: (iso: string) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }): ReactNode {
  const [locale, setLocaleState] = useState<Locale>(() => fixed ?? initialLocale());
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate(locale, 'app.name');
  }, [locale]);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, vars) => translate(locale, key, vars),
      money: (decimal) => formatMoney(decimal, locale),
      exact: (decimal) => exactYuan(decimal),
      day: (isoDate) => formatDay(isoDate, locale),
      dateTime: (iso) => formatDateTime(iso, locale),
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
