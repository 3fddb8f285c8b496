import type { ReactNode } from 'react';
import type { PagedList } from '../api/paged-list';
import { useI18n } from '../i18n/i18n';
import { ProblemBanner } from './problem-banner';

/** Under a paged list: "Load more" while the API has more, and what went wrong with the last try. */
export function LoadMore({ list }: { list: PagedList<unknown> }): ReactNode {
  const { t } = useI18n();
  return (
    <>
      <ProblemBanner error={list.moreError} />
      {list.hasMore && (
        <p>
          <button type="button" className="secondary" disabled={list.loadingMore} onClick={list.loadMore}>
            {list.loadingMore ? t('app.loading') : t('list.more')}
          </button>
        </p>
      )}
    </>
  );
}
