import { useState, type ReactNode } from 'react';
import type { RecordedVisit } from '../../api/types';
import { Notice } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { useCampaigns } from '../../reference/reference-lists';
import { DiagnosePanel } from './diagnose-panel';
import type { QueuedVisit } from './outbox-entries';
import { VisitSubject } from './visit-subject';

/**
 * The visit just written: saved by the API (`recorded`, with the recent-visit warning) or kept on this
 * device; its enterprise and visit, and the diagnosis on the spot, which in the second case waits on the
 * device too and is sent after the visit.
 */
export function SavedVisit({
  written,
  recorded,
  onAnother,
}: {
  written: QueuedVisit;
  recorded: RecordedVisit | undefined;
  onAnother: () => void;
}): ReactNode {
  const { t } = useI18n();
  const campaigns = useCampaigns();
  const [diagnosing, setDiagnosing] = useState(false);
  const { body } = written;
  return (
    <>
      {recorded ? <Notice kind="success">{t('visit.saved')}</Notice> : <Notice kind="info">{t('visit.queued')}</Notice>}
      {recorded?.warnings.includes('recent_visit') && <Notice kind="warning">{t('visit.recentWarning')}</Notice>}
      <VisitSubject
        facts={{
          enterpriseName: written.enterpriseName,
          visit: { ...body, campaignName: campaigns.data?.find((c) => c.id === body.campaignId)?.name },
        }}
      >
        {!recorded && <p className="hint">{t('diagnose.forQueuedVisit')}</p>}
      </VisitSubject>
      {diagnosing && (
        <DiagnosePanel
          visit={recorded ? { id: recorded.id } : { clientRef: written.clientRef }}
          enterpriseName={written.enterpriseName}
        />
      )}
      <div className="button-row">
        {!diagnosing && (
          <button type="button" onClick={() => setDiagnosing(true)}>
            {t('visit.diagnose')}
          </button>
        )}
        <button type="button" className="secondary" onClick={onAnother}>
          {t('visit.another')}
        </button>
      </div>
    </>
  );
}
