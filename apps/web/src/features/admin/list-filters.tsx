import { useEffect, useId, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';
import type { FormValues } from './admin-validation';

/** How long typing pauses before a search is sent. */
const SEARCH_PAUSE_MS = 300;

/** One filter of a list: a select whose empty choice is "all". */
export interface FilterSpec {
  name: string;
  label: MessageKey;
  options: readonly { value: string; label: string }[];
}

/**
 * Over an admin list: a search box (`q`, sent once typing pauses) and the list's filters. `onChange`
 * receives every non-empty value; the page builds its query from them.
 */
export function ListFilters({
  searchLabel,
  filters = [],
  values,
  onChange,
}: {
  searchLabel: MessageKey;
  filters?: readonly FilterSpec[];
  values: FormValues;
  onChange: (values: FormValues) => void;
}): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(values['q'] ?? '');
  const sent = values['q'] ?? '';
  useEffect(() => {
    if (text.trim() === sent) return undefined;
    const timer = setTimeout(() => onChange(without({ ...values, q: text.trim() })), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, sent, values, onChange]);
  const filtered = Object.keys(values).length > 0;
  return (
    <form
      className="list-filters"
      role="search"
      aria-label={t('adminList.filters')}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('adminList.search')}</label>
        <input
          id={`${id}-q`}
          type="search"
          name="q"
          value={text}
          placeholder={t(searchLabel)}
          maxLength={100}
          autoComplete="off"
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      {filters.map((filter) => (
        <div className="field" key={filter.name}>
          <label htmlFor={`${id}-${filter.name}`}>{t(filter.label)}</label>
          <select
            id={`${id}-${filter.name}`}
            name={filter.name}
            value={values[filter.name] ?? ''}
            onChange={(event) => onChange(without({ ...values, [filter.name]: event.target.value }))}
          >
            <option value="">{t('adminList.any')}</option>
            {filter.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      {filtered && (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setText('');
            onChange({});
          }}
        >
          {t('adminList.clear')}
        </button>
      )}
    </form>
  );
}

/** The values without the empty ones (an empty filter is no filter). */
function without(values: FormValues): FormValues {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
}
