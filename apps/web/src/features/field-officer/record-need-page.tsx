import { useState, type ReactNode } from 'react';
import { unwrap } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { queryKeys } from '../../api/query-keys';
import type { DiagnoseBody } from '../../api/types';
import { useApiMutation } from '../../api/use-api-mutation';
import { Link } from '../../app/router';
import { useAuth } from '../../auth/auth';
import { ChoiceGroup, SelectField } from '../../components/fields';
import { Page } from '../../components/page';
import { Notice, ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';
import { useDraft } from '../../lib/use-draft';
import { EnterprisePicker } from '../../reference/enterprise-picker';
import { useEnterpriseSearch } from '../../reference/enterprise-search';
import { useCampaigns } from '../../reference/reference-lists';
import { DiagnoseForm, emptyDiagnosis, type DiagnoseValues } from './diagnose-form';

/** The channels a field officer records a need from without a visit. */
const CHANNELS = ['phone', 'list'] as const;
type Channel = (typeof CHANNELS)[number];

interface Where {
  enterpriseId: string;
  enterpriseName: string;
  campaignId: string;
  channel: Channel;
}

type WhereErrors = Partial<Record<'enterpriseId' | 'campaignId', MessageKey>>;

function emptyWhere(): Where {
  return { enterpriseId: '', enterpriseName: '', campaignId: '', channel: 'phone' };
}

/**
 * `/needs/new` (登记需求): a need heard on a phone call or found on a list, with no visit: the enterprise, the
 * campaign (专项行动), the channel, then the diagnosis (amount, purpose, term, bottlenecks), sent to
 * `POST /cases` with its `source`.
 */
export function RecordNeedPage(): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const campaigns = useCampaigns();
  const searchEnterprises = useEnterpriseSearch();
  const [where, setWhere, clearWhere] = useDraft<Where>('need.where', emptyWhere);
  const [values, setValues, clearValues] = useDraft<DiagnoseValues>('need.values', emptyDiagnosis);
  const [errors, setErrors] = useState<WhereErrors>({});
  const record = useApiMutation(
    (body: DiagnoseBody) => unwrap(api.POST('/api/v1/cases', { body })),
    [queryKeys.cases.all, queryKeys.reports.all],
  );
  const serverErrors = record.error instanceof ApiProblem ? record.error.fieldErrors() : {};
  const message = (field: keyof WhereErrors): string | undefined => {
    const own = errors[field];
    return own ? t(own) : serverErrors[field];
  };
  /** A leading field changed: its own error goes. */
  const changeWhere = (patch: Partial<Where>): void => {
    setErrors((previous) => {
      const next = { ...previous };
      if ('enterpriseId' in patch) delete next.enterpriseId;
      if ('campaignId' in patch) delete next.campaignId;
      return next;
    });
    setWhere(patch);
  };
  const check = (): boolean => {
    const found: WhereErrors = {};
    if (!where.enterpriseId) found.enterpriseId = 'need.pickEnterprise';
    if (!where.campaignId) found.campaignId = 'form.required';
    setErrors(found);
    return Object.keys(found).length === 0;
  };

  if (record.data) {
    const created = record.data;
    return (
      <Page title={t('need.title')}>
        <Notice kind="success">
          {t('need.created', { number: created.number, status: t(`status.${created.status}`) })}
        </Notice>
        <p>
          <Link to={`/my-cases/${created.id}`}>{t('need.openCase')}</Link>
        </p>
        <button type="button" onClick={() => record.reset()}>
          {t('need.another')}
        </button>
      </Page>
    );
  }

  const leading = (
    <>
      {where.enterpriseId && (
        <div className="field selected-enterprise">
          <span className="label">{t('need.enterprise')}</span>
          <p>
            <strong>{t('visit.selected', { name: where.enterpriseName })}</strong>{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => setWhere({ enterpriseId: '', enterpriseName: '' })}
            >
              {t('visit.change')}
            </button>
          </p>
        </div>
      )}
      <div hidden={where.enterpriseId !== ''}>
        <EnterprisePicker
          search={searchEnterprises}
          error={message('enterpriseId')}
          onPick={(picked) => changeWhere({ enterpriseId: picked.id, enterpriseName: picked.name })}
        />
      </div>
      <SelectField
        name="campaignId"
        label={t('need.campaign')}
        required
        value={where.campaignId}
        placeholder={t('need.pickCampaign')}
        options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        error={message('campaignId')}
        onChange={(event) => changeWhere({ campaignId: event.target.value })}
      />
      <ChoiceGroup
        name="source"
        type="radio"
        label={t('need.channel')}
        required
        options={CHANNELS.map((c) => ({ value: c, label: t(`source.${c}`) }))}
        selected={[where.channel]}
        error={serverErrors['source']}
        onChange={([channel]) => setWhere({ channel: channel ?? 'phone' })}
      />
    </>
  );

  return (
    <Page title={t('need.title')}>
      <p className="hint">{t('need.intro')}</p>
      <ProblemBanner error={record.error ?? campaigns.error} onDismiss={record.reset} />
      <DiagnoseForm
        origin={{ source: where.channel, enterpriseId: where.enterpriseId, campaignId: where.campaignId }}
        leading={leading}
        leadingValid={check}
        submitLabel={t('need.submit')}
        values={values}
        onChange={setValues}
        busy={record.isPending}
        serverErrors={serverErrors}
        onSubmit={(body) =>
          record.mutate(body, {
            onSuccess: () => {
              clearValues();
              clearWhere();
            },
          })
        }
      />
    </Page>
  );
}
