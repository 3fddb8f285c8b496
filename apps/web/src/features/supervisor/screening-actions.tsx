import { useState, type ReactNode } from 'react';
import { ApiProblem } from '../../api/problem';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useI18n } from '../../i18n/i18n';
import { useDraft } from '../../lib/use-draft';
import type { CaseActionsProps } from '../cases/case-page';
import { emptyScreening, ScreeningForm, type ScreenBody } from './screening-form';
import { SCREENING_CRITERIA } from '@unblock/domain';

/**
 * The supervisor's part of the case page while the need waits for screening: the screening form, and a
 * dialog that says what the decision does (routed to the lead bank at once, or ended) before it is sent.
 */
export function ScreeningActions({ detail, command }: CaseActionsProps): ReactNode {
  const { t } = useI18n();
  const [values, setValues, clear] = useDraft(`supervisor.screening.${detail.id}`, emptyScreening);
  const [pending, setPending] = useState<ScreenBody | undefined>();
  const busy = command.isPending && command.variables?.action === 'screen';
  const serverErrors =
    command.variables?.action === 'screen' && command.error instanceof ApiProblem ? command.error.fieldErrors() : {};
  const unmet = pending ? SCREENING_CRITERIA.filter((c) => !pending.criteria[c].met) : [];
  const recommend = pending?.decision === 'recommend';
  return (
    <div className="action-grid">
      <ScreeningForm
        version={detail.version}
        values={values}
        onChange={setValues}
        busy={busy}
        serverErrors={serverErrors}
        onSubmit={setPending}
      />
      <ConfirmDialog
        open={pending !== undefined}
        title={t(recommend ? 'screening.confirmRecommendTitle' : 'screening.confirmScreenOutTitle')}
        confirmLabel={t('screening.confirmYes')}
        cancelLabel={t('confirm.cancel')}
        busy={busy}
        onCancel={() => setPending(undefined)}
        onConfirm={() => {
          if (pending) command.mutate({ action: 'screen', body: pending }, { onSuccess: clear });
          setPending(undefined);
        }}
      >
        <p>
          {recommend
            ? t('screening.confirmRecommend')
            : t('screening.confirmScreenOut', {
                criteria: unmet.map((c) => t(`screening.criterion.${c}`)).join(t('screening.separator')),
              })}
        </p>
      </ConfirmDialog>
    </div>
  );
}
