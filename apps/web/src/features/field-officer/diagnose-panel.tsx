import { useState, type ReactNode } from 'react';
import type { ApiProblem } from '../../api/problem';
import type { Case } from '../../api/types';
import { Notice, ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { useDraft } from '../../lib/use-draft';
import { newUuid } from '../../lib/uuid';
import { DiagnoseForm, emptyDiagnosis } from './diagnose-form';
import { useOutbox } from './outbox-context';
import { needBodyOf, type NeedBody, type VisitRef } from './outbox-entries';

type Outcome = { kind: 'created'; created: Case } | { kind: 'queued' } | undefined;

/**
 * The diagnosis form of one visit, used after a visit is saved (or kept on the device) and from "My
 * visits". The need goes to the outbox first and is sent from there, after its visit: with signal the
 * case opens at once, without it the need waits on the device.
 */
export function DiagnosePanel({ visit, enterpriseName }: { visit: VisitRef; enterpriseName: string }): ReactNode {
  const { t } = useI18n();
  const outbox = useOutbox();
  const [values, setValues, clearValues] = useDraft(
    `diagnose.${'id' in visit ? visit.id : visit.clientRef}`,
    emptyDiagnosis,
  );
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [problem, setProblem] = useState<ApiProblem>();

  const save = async (body: NeedBody): Promise<void> => {
    setBusy(true);
    setProblem(undefined);
    const clientRef = newUuid();
    outbox.addNeed({ clientRef, enterpriseName, writtenAt: new Date().toISOString(), body, visit });
    try {
      const results = await outbox.flush();
      const mine = results.find((r) => r.clientRef === clientRef);
      if (mine?.outcome === 'rejected') {
        // Refused as written: back to the form, with the API's errors next to their fields.
        outbox.discard(clientRef);
        setProblem(mine.problem);
        return;
      }
      clearValues();
      setOutcome(
        mine?.outcome === 'sent' && mine.type === 'need'
          ? { kind: 'created', created: mine.created }
          : { kind: 'queued' },
      );
    } finally {
      setBusy(false);
    }
  };

  if (outcome?.kind === 'created') {
    return (
      <Notice kind="success">
        {t('diagnose.created', { number: outcome.created.number, status: t(`status.${outcome.created.status}`) })}
      </Notice>
    );
  }
  if (outcome?.kind === 'queued') {
    return <Notice kind="info">{t('clientRef' in visit ? 'diagnose.queuedAfterVisit' : 'diagnose.queued')}</Notice>;
  }
  return (
    <section aria-labelledby="diagnose-title" className="panel">
      <h2 id="diagnose-title">{t('diagnose.title')}</h2>
      <ProblemBanner error={problem} onDismiss={() => setProblem(undefined)} />
      {/* The form's visitId is dropped (needBodyOf): the outbox names the visit, known or not yet, when it sends. */}
      <DiagnoseForm
        visitId={'id' in visit ? visit.id : ''}
        values={values}
        onChange={setValues}
        busy={busy}
        serverErrors={problem?.fieldErrors() ?? {}}
        onSubmit={(body) => void save(needBodyOf(body))}
      />
    </section>
  );
}
