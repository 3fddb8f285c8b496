import type { ReactNode } from 'react';
import { unwrap } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { queryKeys } from '../../api/query-keys';
import type { DiagnoseBody } from '../../api/types';
import { useApiMutation } from '../../api/use-api-mutation';
import { useAuth } from '../../auth/auth';
import { Notice, ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { useDraft } from '../../lib/use-draft';
import { DiagnoseForm, emptyDiagnosis } from './diagnose-form';

/** The diagnosis form wired to `POST /cases`; used after a visit is saved and from "My visits". */
export function DiagnosePanel({ visitId }: { visitId: string }): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const [values, setValues, clearValues] = useDraft(`diagnose.${visitId}`, emptyDiagnosis);
  const diagnose = useApiMutation(
    (body: DiagnoseBody) => unwrap(api.POST('/api/v1/cases', { body })),
    [queryKeys.cases.all, queryKeys.reports.all],
  );

  if (diagnose.data) {
    return (
      <Notice kind="success">
        {t('diagnose.created', { number: diagnose.data.number, status: t(`status.${diagnose.data.status}`) })}
      </Notice>
    );
  }
  return (
    <section aria-labelledby="diagnose-title" className="panel">
      <h2 id="diagnose-title">{t('diagnose.title')}</h2>
      <ProblemBanner error={diagnose.error} onDismiss={diagnose.reset} />
      <DiagnoseForm
        visitId={visitId}
        values={values}
        onChange={setValues}
        busy={diagnose.isPending}
        serverErrors={diagnose.error instanceof ApiProblem ? diagnose.error.fieldErrors() : {}}
        onSubmit={(body) => diagnose.mutate(body, { onSuccess: clearValues })}
      />
    </section>
  );
}
