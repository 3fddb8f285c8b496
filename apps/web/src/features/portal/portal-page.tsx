import { newUuid } from '../../lib/uuid';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { ApiProblem } from '../../api/problem';
import { useApiMutation } from '../../api/use-api-mutation';
import { LanguageSwitch } from '../../components/language-switch';
import { Notice, ProblemBanner } from '../../components/problem-banner';
import { SelectField } from '../../components/fields';
import { useNow } from '../../components/countdown';
import { useI18n } from '../../i18n/i18n';
import { DiagnoseForm, emptyDiagnosis, type DiagnoseValues } from '../field-officer/diagnose-form';
import { PortalCaseCard } from './portal-case-card';
import { createPortalClient, portalData, type PortalCase, type PublishNeedBody } from './portal-client';
import type { Page } from '../../api/types';

/** The fields of a 400 answer, by name, in the page's words. */
function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiProblem && error.status === 400
    ? Object.fromEntries(error.errors.map((e) => [e.field, e.message]))
    : {};
}

/**
 * The enterprise's own page, reached by its link without an account, phone first: who it is, a form to
 * publish a need, and its needs with where each stands, the bank's contact to confirm and the service to rate.
 */
export function PortalPage({ token }: { token: string }): ReactNode {
  const { t, dateTime } = useI18n();
  const client = useMemo(() => createPortalClient(token), [token]);
  const now = useNow();
  const meKey = ['portal', token, 'me'] as const;
  const casesKey = ['portal', token, 'cases'] as const;
  const me = useQuery({
    queryKey: meKey,
    queryFn: () => portalData(client.api.GET('/api/v1/portal/me', { params: { header: client.header } })),
    retry: false,
  });
  const cases = useQuery({
    queryKey: casesKey,
    queryFn: async () =>
      (await portalData<unknown>(
        client.api.GET('/api/v1/portal/cases', { params: { header: client.header } }),
      )) as Page<PortalCase>,
    retry: false,
    enabled: me.isSuccess,
  });
  const [values, setValues] = useState<DiagnoseValues>(emptyDiagnosis);
  const [campaignId, setCampaignId] = useState('');
  const [published, setPublished] = useState<string | undefined>();
  // One key per need: a retry after a lost answer (a weak network) publishes it once; a new one after success.
  const [retryKey, setRetryKey] = useState(() => newUuid());
  const publish = useApiMutation(
    (body: PublishNeedBody) =>
      portalData(
        client.api.POST('/api/v1/portal/cases', {
          params: { header: { ...client.header, 'Idempotency-Key': retryKey } },
          body,
        }),
      ),
    [casesKey],
  );

  const failure = me.error ?? cases.error;
  const header = (
    <header className="portal-header">
      <h1>{t('portal.title')}</h1>
      <LanguageSwitch />
    </header>
  );
  if (failure instanceof ApiProblem && (failure.status === 401 || failure.status === 429)) {
    return (
      <main className="portal">
        {header}
        <p role="alert">{t(failure.status === 401 ? 'portal.invalidLink' : 'portal.tooMany')}</p>
      </main>
    );
  }
  if (!me.data) {
    return (
      <main className="portal">
        {header}
        <ProblemBanner error={failure} />
        {!failure && <p>{t('portal.loading')}</p>}
      </main>
    );
  }
  const campaigns = me.data.campaigns;
  const chosen = campaignId || campaigns[0]?.id || '';
  const invalidates = [casesKey] as const;
  return (
    <main className="portal">
      {header}
      <p>{t('portal.intro')}</p>
      <p data-testid="portal-enterprise">
        {t('portal.enterprise', { name: me.data.enterpriseName, region: me.data.regionName })}
      </p>
      <section aria-labelledby="portal-needs">
        <h2 id="portal-needs">{t('portal.needsTitle')}</h2>
        {cases.data?.items.length === 0 && <p>{t('portal.noNeeds')}</p>}
        {cases.data?.items.map((need) => (
          <PortalCaseCard key={need.id} need={need} client={client} now={now} invalidates={invalidates} />
        ))}
      </section>
      <section className="panel" aria-labelledby="portal-publish">
        <h2 id="portal-publish">{t('portal.publishTitle')}</h2>
        {published && <Notice kind="success">{published}</Notice>}
        <ProblemBanner error={publish.error} />
        {campaigns.length === 0 ? (
          <p>{t('portal.noCampaign')}</p>
        ) : (
          <DiagnoseForm
            visitId=""
            leading={
              campaigns.length > 1 ? (
                <SelectField
                  name="campaignId"
                  label={t('portal.campaign')}
                  value={chosen}
                  options={campaigns.map((c) => ({ value: c.id, label: c.name }))}
                  onChange={(event) => setCampaignId(event.target.value)}
                />
              ) : undefined
            }
            submitLabel={t('portal.publish')}
            values={values}
            onChange={(patch) => setValues((previous) => ({ ...previous, ...patch }))}
            serverErrors={fieldErrors(publish.error)}
            busy={publish.isPending}
            onSubmit={(body) =>
              publish.mutate(
                {
                  campaignId: chosen,
                  requestedAmount: body.requestedAmount,
                  purpose: body.purpose,
                  term: body.term,
                  bottlenecks: body.bottlenecks,
                  ...(body.note ? { note: body.note } : {}),
                },
                {
                  onSuccess: (created) => {
                    setPublished(t('portal.published', { number: created.number }));
                    setValues(emptyDiagnosis());
                    setRetryKey(newUuid());
                  },
                },
              )
            }
          />
        )}
      </section>
      <p className="summary">{t('portal.linkExpires', { at: dateTime(me.data.linkExpiresAt) })}</p>
    </main>
  );
}
