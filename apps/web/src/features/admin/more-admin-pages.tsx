import { useState, type ReactNode } from 'react';
import { unwrap, unwrapPage } from '../../api/client';
import type { Campaign } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../lib/use-load';
import type { Chain } from '../../api/types';
import { AdminListPage, regionsAndOrganizations } from './admin-pages';
import {
  CAMPAIGN_KINDS,
  CHAIN_ROLES,
  ENTERPRISE_SIZES,
  SLA_DURATIONS,
  validateCalendar,
  validateCalendarEdit,
  validateCampaign,
  validateChain,
  validateEnterprise,
  validateEnterpriseEdit,
  validateSlaPolicy,
  type FieldSpec,
} from './admin-forms';
import type { Schemas } from '../../api/types';

type SlaPolicy = Schemas['SlaPolicyResponse'];
type Calendar = Schemas['CalendarResponse'];
const LIMIT = 200;
const calendarFields: readonly FieldSpec[] = [
  { name: 'name', label: 'admin.name', required: true },
  { name: 'holidays', label: 'admin.holidays', hint: 'admin.daysHint' },
  { name: 'workdays', label: 'admin.workdays', hint: 'admin.workdaysHint' },
];

export function ChainsPage(): ReactNode {
  const { api } = useAuth();
  const reference = useLoad(() => regionsAndOrganizations(api), [api]);
  const [load] = useState(
    () => async (): Promise<Chain[]> =>
      (await unwrapPage<Chain>(api.GET('/api/v1/industrial-chains', { params: { query: { limit: LIMIT } } }))).items,
  );
  const banks = (reference.data?.organizations ?? []).filter((o) => o.kind === 'bank');
  const bankName = (id: string): string => banks.find((b) => b.id === id)?.name ?? id;
  const bankOptions = banks.map((b) => ({ value: b.id, label: b.name }));
  return (
    <AdminListPage
      title="admin.chains"
      formTitle="admin.newChain"
      submitLabel="admin.create"
      draftKey="chain"
      load={load}
      columns={[
        { label: 'admin.name', value: (c: Chain) => c.name },
        { label: 'admin.region', value: (c: Chain) => c.regionCode },
        { label: 'admin.leadBank', value: (c: Chain) => bankName(c.leadBankId) },
        { label: 'admin.deputyBank', value: (c: Chain) => bankName(c.deputyBankId) },
      ]}
      fields={[
        { name: 'name', label: 'admin.name', required: true },
        {
          name: 'regionCode',
          label: 'admin.region',
          required: true,
          placeholder: 'admin.pickRegion',
          options: (reference.data?.regions ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` })),
        },
        {
          name: 'leadBankId',
          label: 'admin.leadBank',
          required: true,
          placeholder: 'admin.pickBank',
          options: bankOptions,
        },
        {
          name: 'deputyBankId',
          label: 'admin.deputyBank',
          required: true,
          placeholder: 'admin.pickBank',
          options: bankOptions,
        },
      ]}
      validate={validateChain}
      create={(body) => unwrap(api.POST('/api/v1/industrial-chains', { body }))}
    />
  );
}

export function CampaignsPage(): ReactNode {
  const { t, day } = useI18n();
  const { api } = useAuth();
  const reference = useLoad(async () => {
    const [base, policies] = await Promise.all([
      regionsAndOrganizations(api),
      unwrapPage<SlaPolicy>(api.GET('/api/v1/sla-policies', { params: { query: { limit: LIMIT } } })),
    ]);
    return { regions: base.regions, policies: policies.items };
  }, [api]);
  const [load] = useState(
    () => async (): Promise<Campaign[]> =>
      (await unwrapPage<Campaign>(api.GET('/api/v1/campaigns', { params: { query: { limit: LIMIT } } }))).items,
  );
  return (
    <AdminListPage
      title="admin.campaigns"
      formTitle="admin.newCampaign"
      submitLabel="admin.create"
      draftKey="campaign"
      load={load}
      columns={[
        { label: 'admin.name', value: (c: Campaign) => c.name },
        { label: 'admin.kind', value: (c: Campaign) => t(`admin.campaignKind.${c.kind}`) },
        { label: 'admin.region', value: (c: Campaign) => c.regionCode },
        { label: 'admin.period', value: (c: Campaign) => `${day(c.startsOn)} – ${day(c.endsOn)}` },
      ]}
      fields={[
        { name: 'name', label: 'admin.name', required: true },
        {
          name: 'kind',
          label: 'admin.kind',
          required: true,
          placeholder: 'admin.pickKind',
          options: CAMPAIGN_KINDS.map((kind) => ({ value: kind, label: t(`admin.campaignKind.${kind}`) })),
        },
        {
          name: 'regionCode',
          label: 'admin.region',
          required: true,
          placeholder: 'admin.pickRegion',
          options: (reference.data?.regions ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` })),
        },
        { name: 'startsOn', label: 'admin.startsOn', type: 'date', required: true },
        { name: 'endsOn', label: 'admin.endsOn', type: 'date', required: true },
        {
          name: 'slaPolicyId',
          label: 'admin.slaPolicy',
          placeholder: 'admin.defaultPolicy',
          options: (reference.data?.policies ?? []).map((p) => ({ value: p.id, label: p.name })),
        },
      ]}
      validate={validateCampaign}
      create={(body) => unwrap(api.POST('/api/v1/campaigns', { body }))}
    />
  );
}

export function SlaPoliciesPage(): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const calendars = useLoad(
    async () =>
      (await unwrapPage<Calendar>(api.GET('/api/v1/calendars', { params: { query: { limit: LIMIT } } }))).items,
    [api],
  );
  const [load] = useState(
    () => async (): Promise<SlaPolicy[]> =>
      (await unwrapPage<SlaPolicy>(api.GET('/api/v1/sla-policies', { params: { query: { limit: LIMIT } } }))).items,
  );
  const durationFields: FieldSpec[] = SLA_DURATIONS.map((key) => ({
    name: key,
    label: `admin.sla.${key}`,
    hint: 'admin.durationHint',
  }));
  return (
    <AdminListPage
      title="admin.slaPolicies"
      formTitle="admin.newSlaPolicy"
      submitLabel="admin.create"
      draftKey="sla-policy"
      load={load}
      columns={[
        { label: 'admin.name', value: (p: SlaPolicy) => (p.isDefault ? `${p.name} (${t('admin.default')})` : p.name) },
        ...SLA_DURATIONS.map((key) => ({ label: `admin.sla.${key}` as const, value: (p: SlaPolicy) => p[key] })),
        {
          label: 'admin.calendar',
          value: (p: SlaPolicy) => calendars.data?.find((c) => c.id === p.calendarId)?.name ?? p.calendarId,
        },
      ]}
      fields={[
        { name: 'name', label: 'admin.name', required: true },
        {
          name: 'calendarId',
          label: 'admin.calendar',
          required: true,
          placeholder: 'admin.pickCalendar',
          options: (calendars.data ?? []).map((c) => ({ value: c.id, label: c.name })),
        },
        ...durationFields,
      ]}
      validate={validateSlaPolicy}
      create={(body) => unwrap(api.POST('/api/v1/sla-policies', { body }))}
    />
  );
}

type Enterprise = Schemas['EnterpriseResponse'];

export function EnterprisesPage(): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const reference = useLoad(async () => {
    const [base, chains] = await Promise.all([
      regionsAndOrganizations(api),
      unwrapPage<Chain>(api.GET('/api/v1/industrial-chains', { params: { query: { limit: LIMIT } } })),
    ]);
    return { regions: base.regions, chains: chains.items };
  }, [api]);
  const [load] = useState(
    () => async (): Promise<Enterprise[]> =>
      (await unwrapPage<Enterprise>(api.GET('/api/v1/enterprises', { params: { query: { limit: LIMIT } } }))).items,
  );
  const chainName = (id: string | null): string =>
    id === null ? '—' : (reference.data?.chains.find((c) => c.id === id)?.name ?? id);
  const fields: FieldSpec[] = [
    { name: 'uscc', label: 'admin.uscc', required: true, hint: 'admin.usccHint' },
    { name: 'name', label: 'admin.name', required: true },
    {
      name: 'regionCode',
      label: 'admin.region',
      required: true,
      placeholder: 'admin.pickRegion',
      options: (reference.data?.regions ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` })),
    },
    {
      name: 'size',
      label: 'admin.size',
      required: true,
      placeholder: 'admin.pickSize',
      options: ENTERPRISE_SIZES.map((size) => ({ value: size, label: t(`admin.size.${size}`) })),
    },
    {
      name: 'chainId',
      label: 'admin.chain',
      placeholder: 'admin.noChain',
      options: (reference.data?.chains ?? []).map((c) => ({ value: c.id, label: c.name })),
    },
    {
      name: 'chainRole',
      label: 'admin.chainRole',
      placeholder: 'admin.pickChainRole',
      options: CHAIN_ROLES.map((role) => ({ value: role, label: t(`admin.chainRole.${role}`) })),
    },
  ];
  return (
    <AdminListPage
      title="admin.enterprises"
      formTitle="admin.newEnterprise"
      submitLabel="admin.create"
      draftKey="enterprise"
      load={load}
      columns={[
        { label: 'admin.name', value: (e: Enterprise) => e.name },
        { label: 'admin.uscc', value: (e: Enterprise) => e.uscc },
        { label: 'admin.region', value: (e: Enterprise) => e.regionCode },
        { label: 'admin.size', value: (e: Enterprise) => t(`admin.size.${e.size}`) },
        { label: 'admin.chain', value: (e: Enterprise) => chainName(e.chainId) },
      ]}
      fields={fields}
      validate={validateEnterprise}
      create={(body) => unwrap(api.POST('/api/v1/enterprises', { body }))}
      edit={{
        label: (e: Enterprise) => e.name,
        // The credit code is who the enterprise is: it is not edited.
        fields: fields.filter((field) => field.name !== 'uscc'),
        initial: (e: Enterprise) => ({
          name: e.name,
          regionCode: e.regionCode,
          size: e.size,
          chainId: e.chainId ?? '',
          chainRole: e.chainRole ?? '',
        }),
        validate: validateEnterpriseEdit,
        update: (e: Enterprise, body) =>
          unwrap(api.PATCH('/api/v1/enterprises/{id}', { params: { path: { id: e.id } }, body })),
      }}
    />
  );
}

export function CalendarsPage(): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const [load] = useState(
    () => async (): Promise<Calendar[]> =>
      (await unwrapPage<Calendar>(api.GET('/api/v1/calendars', { params: { query: { limit: LIMIT } } }))).items,
  );
  return (
    <AdminListPage
      title="admin.calendars"
      formTitle="admin.newCalendar"
      submitLabel="admin.create"
      draftKey="calendar"
      load={load}
      columns={[
        { label: 'admin.name', value: (c: Calendar) => c.name },
        { label: 'admin.holidays', value: (c: Calendar) => t('admin.dayCount', { count: c.holidays.length }) },
        { label: 'admin.workdays', value: (c: Calendar) => t('admin.dayCount', { count: c.workdays.length }) },
      ]}
      fields={calendarFields}
      validate={validateCalendar}
      create={(body) => unwrap(api.POST('/api/v1/calendars', { body }))}
      edit={{
        label: (c: Calendar) => c.name,
        fields: calendarFields,
        initial: (c: Calendar) => ({ name: c.name, holidays: c.holidays.join(', '), workdays: c.workdays.join(', ') }),
        validate: validateCalendarEdit,
        update: (c: Calendar, body) =>
          unwrap(api.PATCH('/api/v1/calendars/{id}', { params: { path: { id: c.id } }, body })),
      }}
    />
  );
}
