import { useState, type ReactNode } from 'react';
import type { Enterprise, Page } from '../api/types';
import { ChoiceGroup, TextField } from '../components/fields';
import { describeProblem } from '../components/problem-banner';
import { useI18n } from '../i18n/i18n';
import { enterpriseQuery, type EnterpriseQuery, type SearchEnterprises } from './enterprise-search';

/**
 * Choose an enterprise by searching its name or credit code; the results come page by page ("Load more"),
 * never cut off. The search field is named `enterpriseId`, so the form's and the API's errors for the
 * choice land on it.
 */
export function EnterprisePicker({
  search,
  error,
  onPick,
  required = true,
}: {
  search: SearchEnterprises;
  error: string | undefined;
  onPick: (enterprise: Enterprise) => void;
  /** False where the choice only narrows a list (a filter). */
  required?: boolean;
}): ReactNode {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [asked, setAsked] = useState<EnterpriseQuery | undefined>();
  const [results, setResults] = useState<Page<Enterprise> | undefined>();
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<string | undefined>();

  const run = async (query: EnterpriseQuery, cursor?: string): Promise<void> => {
    setSearching(true);
    setSearchError(undefined);
    try {
      const page = await search(query, cursor);
      setAsked(query);
      setResults((previous) =>
        cursor === undefined || !previous
          ? page
          : { items: [...previous.items, ...page.items], nextCursor: page.nextCursor },
      );
    } catch (failure: unknown) {
      setSearchError(describeProblem(failure, t));
    } finally {
      setSearching(false);
    }
  };
  const runSearch = (): void => {
    if (text.trim()) void run(enterpriseQuery(text));
  };

  return (
    <div className="enterprise-search">
      <TextField
        name="enterpriseId"
        type="search"
        label={t('visit.enterpriseSearch')}
        value={text}
        required={required}
        error={error}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            runSearch();
          }
        }}
      />
      <button type="button" className="secondary" onClick={runSearch} disabled={searching}>
        {searching ? t('visit.searching') : t('visit.search')}
      </button>
      {searchError && <p className="field-error">{searchError}</p>}
      {results !== undefined &&
        (results.items.length === 0 ? (
          <p role="status">{t('visit.noResults')}</p>
        ) : (
          <>
            <ChoiceGroup
              name="enterprise"
              type="radio"
              label={t('visit.enterprise')}
              options={results.items.map((e) => ({ value: e.id, label: `${e.name} · ${e.uscc}` }))}
              selected={[]}
              onChange={([id]) => {
                const picked = results.items.find((e) => e.id === id);
                if (picked) onPick(picked);
              }}
            />
            {results.nextCursor !== null && asked !== undefined && (
              <button
                type="button"
                className="secondary"
                disabled={searching}
                onClick={() => void run(asked, results.nextCursor ?? undefined)}
              >
                {t('list.more')}
              </button>
            )}
          </>
        ))}
    </div>
  );
}
