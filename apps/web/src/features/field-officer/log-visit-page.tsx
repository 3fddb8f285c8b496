import { useState, type ReactNode } from 'react';
import { unwrap } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { Case, RecordedVisit } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { Notice, ProblemBanner } from '../../components/problem-banner';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/i18n';
import { newUuid } from '../../lib/uuid';
import { useDraft } from '../../lib/use-draft';
import { useLoad } from '../../lib/use-load';
import { DiagnoseForm, emptyDiagnosis } from './diagnose-form';
import { OutboxPanel } from './outbox-panel';
import { useOutbox } from './outbox-context';
import { loadCampaigns, searchEnterprises } from './reference-cache';
import { emptyVisit, VisitForm, type VisitValues } from './visit-form';

type Outcome = { kind: 'saved'; visit: RecordedVisit } | { kind: 'queued' } | undefined;

/**
 * Log a visit. The visit goes to the outbox first and is sent from there: with signal it is saved at once
 * (and a need can be diagnosed on the spot), without it waits on the device.
 */
export function LogVisitPage(): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const outbox = useOutbox();
  const campaigns = useLoad(() => loadCampaigns(api), [api]);
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
    outbox.add({
      clientRef,
      enterpriseName: v.enterpriseName,
      writtenAt: new Date().toISOString(),
      body: {
        campaignId: v.campaignId,
        enterpriseId: v.enterpriseId,
        kind: v.kind,
        visitedOn: v.visitedOn,
        clientRef,
        ...(v.summary.trim() ? { summary: v.summary.trim() } : {}),
      },
    });
    try {
      const results = await outbox.flush();
      const mine = results.find((r) => r.clientRef === clientRef);
      if (mine?.outcome === 'sent') {
        clearValues();
        setOutcome({ kind: 'saved', visit: mine.visit });
      } else if (mine?.outcome === 'rejected') {
        // Refused as written: back to the form, with the API's errors next to their fields.
        outbox.discard(clientRef);
        setServerErrors(mine.problem.fieldErrors());
        setProblem(mine.problem);
      } else {
        clearValues();
        setOutcome({ kind: 'queued' });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('visit.title')}>
      {outcome?.kind === 'saved' ? (
        <SavedVisit visit={outcome.visit} onAnother={() => setOutcome(undefined)} />
      ) : (
        <>
          {outcome?.kind === 'queued' && <Notice kind="info">{t('visit.queued')}</Notice>}
          <ProblemBanner error={problem ?? campaigns.error} onDismiss={() => setProblem(undefined)} />
          <VisitForm
            values={values}
            onChange={setValues}
            campaigns={campaigns.data ?? []}
            searchEnterprises={(query) => searchEnterprises(api, query)}
            onSubmit={(v) => void save(v)}
            serverErrors={serverErrors}
            busy={busy}
          />
        </>
      )}
      <OutboxPanel />
    </Page>
  );
}

/** The visit as saved, the recent-visit warning, and the diagnosis on the spot. */
function SavedVisit({ visit, onAnother }: { visit: RecordedVisit; onAnother: () => void }): ReactNode {
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

/** The diagnosis form wired to `POST /cases`; used after a visit is saved and from "My visits". */
export function DiagnosePanel({ visitId }: { visitId: string }): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const [values, setValues, clearValues] = useDraft(`diagnose.${visitId}`, emptyDiagnosis);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>();
  const [created, setCreated] = useState<Case>();

  if (created) {
    return (
      <Notice kind="success">
        {t('diagnose.created', { number: created.number, status: t(`status.${created.status}`) })}
      </Notice>
    );
  }
  return (
    <section aria-labelledby="diagnose-title" className="panel">
      <h2 id="diagnose-title">{t('diagnose.title')}</h2>
      <ProblemBanner error={problem} onDismiss={() => setProblem(undefined)} />
      <DiagnoseForm
        visitId={visitId}
        values={values}
        onChange={setValues}
        busy={busy}
        serverErrors={problem instanceof ApiProblem ? problem.fieldErrors() : {}}
        onSubmit={(body) => {
          setBusy(true);
          setProblem(undefined);
          unwrap(api.POST('/api/v1/cases', { body }))
            .then((answer) => {
              clearValues();
              setCreated(answer);
            })
            .catch(setProblem)
            .finally(() => setBusy(false));
        }}
      />
    </section>
  );
}
