import { useState, type ReactNode } from 'react';
import type { RecordedVisit } from '../../api/types';
import { Page } from '../../components/page';
import { ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { useDraft } from '../../lib/use-draft';
import { newUuid } from '../../lib/uuid';
import { useEnterpriseSearch } from '../../reference/enterprise-search';
import { useCampaigns } from '../../reference/reference-lists';
import { OfflineReadsNote } from './offline-reads';
import { OutboxPanel } from './outbox-panel';
import { useOutbox } from './outbox-context';
import type { QueuedVisit } from './outbox-entries';
import { SavedVisit } from './saved-visit';
import { emptyVisit, VisitForm, type VisitValues } from './visit-form';

/** The visit as written, and the API's answer when it was sent at once. */
type Outcome = { written: QueuedVisit; recorded: RecordedVisit | undefined } | undefined;

/**
 * Log a visit. The visit goes to the outbox first and is sent from there: with signal it is saved at once,
 * without it waits on the device; either way a need can be diagnosed on the spot.
 */
export function LogVisitPage(): ReactNode {
  const { t } = useI18n();
  const outbox = useOutbox();
  const campaigns = useCampaigns();
  const searchEnterprises = useEnterpriseSearch();
  const [values, setValues, clearValues] = useDraft<VisitValues>('visit', emptyVisit);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [problem, setProblem] = useState<unknown>();
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});

  const save = async (v: VisitValues): Promise<void> => {
    if (!v.kind) return;
    setBusy(true);
    setProblem(undefined);
    setServerErrors({});
    const clientRef = newUuid();
    const written: QueuedVisit = {
      type: 'visit',
      clientRef,
      enterpriseName: v.enterpriseName,
      writtenAt: new Date().toISOString(),
      attempts: 0,
      body: {
        campaignId: v.campaignId,
        enterpriseId: v.enterpriseId,
        kind: v.kind,
        visitedOn: v.visitedOn,
        clientRef,
        ...(v.summary.trim() ? { summary: v.summary.trim() } : {}),
      },
    };
    outbox.addVisit(written);
    try {
      const results = await outbox.flush();
      const mine = results.find((r) => r.clientRef === clientRef);
      if (mine?.outcome === 'sent' && mine.type === 'visit') {
        clearValues();
        setOutcome({ written, recorded: mine.visit });
      } else if (mine?.outcome === 'rejected') {
        // Refused as written: back to the form, with the API's errors next to their fields.
        outbox.discard(clientRef);
        setServerErrors(mine.problem.fieldErrors());
        setProblem(mine.problem);
      } else {
        clearValues();
        setOutcome({ written, recorded: undefined });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('visit.title')}>
      {outcome ? (
        <SavedVisit written={outcome.written} recorded={outcome.recorded} onAnother={() => setOutcome(undefined)} />
      ) : (
        <>
          <ProblemBanner error={problem ?? campaigns.error} onDismiss={() => setProblem(undefined)} />
          <VisitForm
            values={values}
            onChange={setValues}
            campaigns={campaigns.data ?? []}
            searchEnterprises={searchEnterprises}
            onSubmit={(v) => void save(v)}
            serverErrors={serverErrors}
            busy={busy}
          />
        </>
      )}
      <OutboxPanel />
      <OfflineReadsNote />
    </Page>
  );
}
