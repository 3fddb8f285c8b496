import { SCREENING_CRITERIA, SCREENING_DECISIONS, type ScreeningCriterion } from '@unblock/domain';
import type { ReactNode } from 'react';
import type { Schemas } from '../../api/types';
import { ChoiceGroup, TextAreaField, TextField } from '../../components/fields';
import { useI18n } from '../../i18n/i18n';
import {
  ACTION_NOTE_MAX,
  useActionForm,
  withNote,
  type ActionFormProps,
  type Errors,
  type Result,
} from './action-form';

export type ScreenBody = Schemas['ScreenCaseDto'];
export type Decision = ScreenBody['decision'];

export interface ScreeningValues {
  /** The criteria the enterprise meets (ticked). */
  criteria: ScreeningCriterion[];
  notes: Record<ScreeningCriterion, string>;
  decision: Decision | '';
  note: string;
}

export const emptyScreening = (): ScreeningValues => ({
  criteria: [],
  notes: Object.fromEntries(SCREENING_CRITERIA.map((c) => [c, ''])) as Record<ScreeningCriterion, string>,
  decision: '',
  note: '',
});

/** The criteria not ticked, in the table's order. */
export const unmetOf = (values: ScreeningValues): ScreeningCriterion[] =>
  SCREENING_CRITERIA.filter((c) => !values.criteria.includes(c));

export function validateScreening(
  values: ScreeningValues,
  expectedVersion: number,
): Result<ScreenBody, ScreeningValues> {
  const errors: Errors<ScreeningValues> = {};
  const unmet = unmetOf(values);
  if (!values.decision) errors.decision = 'screening.pickDecision';
  if (values.decision === 'recommend' && unmet.length > 0) errors.criteria = 'screening.recommendNeedsAll';
  if (values.decision === 'screen_out' && unmet.length === 0) errors.criteria = 'screening.screenOutNeedsOne';
  if (
    values.note.length > ACTION_NOTE_MAX ||
    SCREENING_CRITERIA.some((c) => values.notes[c].length > ACTION_NOTE_MAX)
  ) {
    errors.note = 'form.tooLong';
  }
  if (!values.decision || Object.keys(errors).length > 0) return { ok: false, errors };
  const criteria = Object.fromEntries(
    SCREENING_CRITERIA.map((c) => [c, { met: values.criteria.includes(c), ...withNote(values.notes[c]) }]),
  ) as ScreenBody['criteria'];
  return { ok: true, body: { criteria, decision: values.decision, expectedVersion, ...withNote(values.note) } };
}

/**
 * The task force's screening of a submitted need: the five criteria ticked when met, each with a note of
 * what was checked, and the decision (recommend to the banks, or screen out). The page confirms before it sends.
 */
export function ScreeningForm({
  version,
  values,
  onChange,
  onSubmit,
  serverErrors = {},
  busy = false,
}: ActionFormProps<ScreeningValues, ScreenBody> & { version: number }): ReactNode {
  const { t } = useI18n();
  const { formRef, submit, message } = useActionForm(() => validateScreening(values, version), onSubmit, serverErrors);
  // The API names a criterion as `criteria.<name>` (or `criteria.<name>.met`): shown on the group.
  const criteriaError =
    message('criteria') ?? Object.entries(serverErrors).find(([field]) => field.startsWith('criteria'))?.[1];
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form" aria-labelledby="screening-title">
      <h2 id="screening-title">{t('screening.formTitle')}</h2>
      <p className="hint">{t('screening.formIntro')}</p>
      <ChoiceGroup
        name="criteria"
        type="checkbox"
        label={t('screening.criteria')}
        options={SCREENING_CRITERIA.map((c) => ({ value: c, label: t(`screening.criterion.${c}`) }))}
        selected={values.criteria}
        error={criteriaError}
        onChange={(criteria) => onChange({ criteria })}
      />
      {SCREENING_CRITERIA.map((c) => (
        <TextField
          key={c}
          name={`criteria.${c}.note`}
          label={t('screening.criterionNote', { criterion: t(`screening.criterion.${c}`) })}
          value={values.notes[c]}
          onChange={(event) => onChange({ notes: { ...values.notes, [c]: event.target.value } })}
        />
      ))}
      <ChoiceGroup
        name="decision"
        type="radio"
        label={t('screening.decision')}
        required
        options={SCREENING_DECISIONS.map((d) => ({ value: d, label: t(`screening.decision.${d}`) }))}
        selected={values.decision ? [values.decision] : []}
        error={message('decision')}
        onChange={([decision]) => onChange({ decision: decision ?? '' })}
      />
      <TextAreaField
        name="note"
        label={t('screening.note')}
        rows={2}
        value={values.note}
        error={message('note')}
        onChange={(event) => onChange({ note: event.target.value })}
      />
      <button type="submit" disabled={busy}>
        {busy ? t('form.saving') : t('screening.submit')}
      </button>
    </form>
  );
}
