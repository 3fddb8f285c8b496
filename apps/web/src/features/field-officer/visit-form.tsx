import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { VISIT_KINDS } from '@unblock/domain';
import type { Campaign, VisitKind } from '../../api/types';
import { ChoiceGroup, focusFirstError, SelectField, TextAreaField, TextField } from '../../components/fields';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';
import { todayInShanghai } from '../../lib/dates';
import { EnterprisePicker } from '../../reference/enterprise-picker';
import type { SearchEnterprises } from '../../reference/enterprise-search';

export interface VisitValues {
  enterpriseId: string;
  enterpriseName: string;
  campaignId: string;
  kind: VisitKind | '';
  visitedOn: string;
  summary: string;
}

export const SUMMARY_MAX = 4000;

export function emptyVisit(): VisitValues {
  return { enterpriseId: '', enterpriseName: '', campaignId: '', kind: '', visitedOn: todayInShanghai(), summary: '' };
}

export type VisitErrors = Partial<Record<keyof VisitValues, MessageKey>>;

/** The checks the form makes before anything is sent or queued; the API checks again. */
export function validateVisit(values: VisitValues, today: string = todayInShanghai()): VisitErrors {
  const errors: VisitErrors = {};
  if (!values.enterpriseId) errors.enterpriseId = 'visit.pickEnterprise';
  if (!values.campaignId) errors.campaignId = 'form.required';
  if (!values.kind) errors.kind = 'form.required';
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(values.visitedOn) || Number.isNaN(Date.parse(values.visitedOn))) {
    errors.visitedOn = 'form.invalidDate';
  } else if (values.visitedOn > today) {
    errors.visitedOn = 'form.futureDate';
  }
  if (values.summary.length > SUMMARY_MAX) errors.summary = 'form.tooLong';
  return errors;
}

/**
 * Log a visit: the enterprise (found by name or credit code), the campaign, the kind, the day and the
 * summary. The values live with the caller (a draft that survives a new sign-in); `serverErrors` are the
 * API's, by field.
 */
export function VisitForm({
  values,
  onChange,
  campaigns,
  searchEnterprises,
  onSubmit,
  serverErrors = {},
  busy = false,
}: {
  values: VisitValues;
  onChange: (patch: Partial<VisitValues>) => void;
  campaigns: readonly Campaign[];
  searchEnterprises: SearchEnterprises;
  onSubmit: (values: VisitValues) => void;
  serverErrors?: Record<string, string>;
  busy?: boolean;
}): ReactNode {
  const { t } = useI18n();
  const [errors, setErrors] = useState<VisitErrors>({});
  const formRef = useRef<HTMLFormElement>(null);

  const message = (field: keyof VisitValues): string | undefined => {
    const own = errors[field];
    if (own) return t(own, { max: SUMMARY_MAX });
    return serverErrors[field];
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found = validateVisit(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      // Keyboard and screen-reader users land on the first field in error.
      focusFirstError(formRef.current);
      return;
    }
    onSubmit(values);
  };

  const enterpriseError = message('enterpriseId');
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form">
      {values.enterpriseId && (
        <div className="field selected-enterprise">
          <span className="label">{t('visit.enterprise')}</span>
          <p>
            <strong>{t('visit.selected', { name: values.enterpriseName })}</strong>{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => onChange({ enterpriseId: '', enterpriseName: '' })}
            >
              {t('visit.change')}
            </button>
          </p>
        </div>
      )}
      {/* Hidden, not gone, while an enterprise is chosen: "Change" comes back to the same results. */}
      <div hidden={values.enterpriseId !== ''}>
        <EnterprisePicker
          search={searchEnterprises}
          error={enterpriseError}
          onPick={(picked) => onChange({ enterpriseId: picked.id, enterpriseName: picked.name })}
        />
      </div>
      <SelectField
        name="campaignId"
        label={t('visit.campaign')}
        required
        value={values.campaignId}
        placeholder={t('visit.pickCampaign')}
        options={campaigns.map((c) => ({ value: c.id, label: c.name }))}
        error={message('campaignId')}
        onChange={(event) => onChange({ campaignId: event.target.value })}
      />
      <ChoiceGroup
        name="kind"
        type="radio"
        label={t('visit.kind')}
        required
        options={VISIT_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
        selected={values.kind ? [values.kind] : []}
        error={message('kind')}
        onChange={([kind]) => onChange({ kind: kind ?? '' })}
      />
      <TextField
        name="visitedOn"
        type="date"
        label={t('visit.visitedOn')}
        required
        value={values.visitedOn}
        max={todayInShanghai()}
        error={message('visitedOn')}
        onChange={(event) => onChange({ visitedOn: event.target.value })}
      />
      <TextAreaField
        name="summary"
        label={t('visit.summary')}
        hint={t('visit.summaryHint')}
        rows={5}
        value={values.summary}
        error={message('summary')}
        onChange={(event) => onChange({ summary: event.target.value })}
      />
      <button type="submit" disabled={busy}>
        {busy ? t('form.saving') : t('visit.save')}
      </button>
    </form>
  );
}
