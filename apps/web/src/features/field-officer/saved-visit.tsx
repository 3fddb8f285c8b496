import { useState, type ReactNode } from 'react';
import type { RecordedVisit } from '../../api/types';
import { Notice } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { DiagnosePanel } from './diagnose-panel';

/** The visit as saved, the recent-visit warning, and the diagnosis on the spot. */
export function SavedVisit({ visit, onAnother }: { visit: RecordedVisit; onAnother: () => void }): ReactNode {
  const { t } = useI18n();
  const [diagnosing, setDiagnosing] = useState(false);
  return (
    <>
      <Notice kind="success">{t('visit.saved')}</Notice>
      {visit.warnings.includes('recent_visit') && <Notice kind="warning">{t('visit.recentWarning')}</Notice>}
      {diagnosing ? (
        <DiagnosePanel visitId={visit.id} />
      ) : (
        <div className="button-row">
          <button type="button" onClick={() => setDiagnosing(true)}>
            {t('visit.diagnose')}
          </button>
          <button type="button" className="secondary" onClick={onAnother}>
            {t('visit.another')}
          </button>
        </div>
      )}
    </>
  );
}
