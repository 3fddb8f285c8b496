import {
  CHINESE_PHONE_PATTERN,
  normalizePhone,
  brokenPasswordRule,
  CAMPAIGN_KINDS,
  ENTERPRISE_SIZES,
  isRegionCode,
  isValidUscc,
  normalizeUscc,
  ORGANIZATION_KINDS,
  parseSlaDuration,
  PASSWORD_MIN_LENGTH,
  ROLES,
} from '@unblock/domain';
import type { Role, Schemas } from '../../api/types';
import type { MessageKey } from '../../i18n/messages.en';

/**
 * The checks of the administrator's forms, before anything is sent; the API checks again. The rules that
 * the API's validators also apply (credit code, region code, SLA durations, the enumerations) come from
 * the domain (`@unblock/domain`), never copied.
 */
export type FormValues = Record<string, string>;
export type FormErrors = Record<string, MessageKey>;
export type Validation<B> = { ok: true; body: B } | { ok: false; errors: FormErrors };

export type CreateRegionBody = Schemas['CreateRegionDto'];
export type CreateOrganizationBody = Schemas['CreateOrganizationDto'];
export type OrganizationKind = CreateOrganizationBody['kind'];
export type CreateUserBody = Schemas['CreateUserDto'];
export type CreateChainBody = Schemas['CreateChainDto'];
export type CreateCampaignBody = Schemas['CreateCampaignDto'];
export type CampaignKind = CreateCampaignBody['kind'];
export type CreateSlaPolicyBody = Schemas['CreateSlaPolicyDto'];
export type CreateEnterpriseBody = Schemas['CreateEnterpriseDto'];
export type EnterpriseSize = CreateEnterpriseBody['size'];
export type ChainRole = NonNullable<CreateEnterpriseBody['chainRole']>;
export type CreateCalendarBody = Schemas['CreateCalendarDto'];
export type UpdateOrganizationBody = Schemas['UpdateOrganizationDto'];
export type UpdateEnterpriseBody = Schemas['UpdateEnterpriseDto'];
export type UpdateCalendarBody = Schemas['UpdateCalendarDto'];
export type UpdateUserBody = Schemas['UpdateUserDto'];

export const PASSWORD_MIN = PASSWORD_MIN_LENGTH;
export const WEBHOOK_SECRET_MIN = 16;
export const SLA_DURATIONS = [
  'screening',
  'claim',
  'firstContact',
  'decision',
  'signing',
  'remindBefore',
  'levelTwoAfter',
] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/u;
const WEBHOOK_URL = /^https?:\/\/[^\s/]+\S*$/iu;

function done<B>(errors: FormErrors, body: () => B): Validation<B> {
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body: body() };
}

export function validateRegion(values: FormValues): Validation<CreateRegionBody> {
  const errors: FormErrors = {};
  const code = (values['code'] ?? '').trim();
  const parentCode = (values['parentCode'] ?? '').trim();
  const name = (values['name'] ?? '').trim();
  if (!code) errors['code'] = 'form.required';
  else if (!isRegionCode(code)) errors['code'] = 'admin.regionCodeFormat';
  if (!name) errors['name'] = 'form.required';
  if (parentCode && !isRegionCode(parentCode)) errors['parentCode'] = 'admin.regionCodeFormat';
  else if (parentCode && parentCode === code) errors['parentCode'] = 'admin.parentIsSelf';
  return done(errors, () => ({ code, name, ...(parentCode ? { parentCode } : {}) }));
}

export function validateOrganization(values: FormValues): Validation<CreateOrganizationBody> {
  const errors: FormErrors = {};
  const kind = values['kind'] ?? '';
  const name = (values['name'] ?? '').trim();
  const regionCode = (values['regionCode'] ?? '').trim();
  if (!ORGANIZATION_KINDS.includes(kind as OrganizationKind)) errors['kind'] = 'admin.pickKind';
  if (!name) errors['name'] = 'form.required';
  if (!regionCode) errors['regionCode'] = 'admin.pickRegion';
  return done(errors, () => ({ kind: kind as OrganizationKind, name, regionCode }));
}

export function validateUser(values: FormValues): Validation<CreateUserBody> {
  const errors: FormErrors = {};
  const email = (values['email'] ?? '').trim();
  const name = (values['name'] ?? '').trim();
  const password = values['password'] ?? '';
  const role = values['role'] ?? '';
  const organizationId = values['organizationId'] ?? '';
  const regionCode = values['regionCode'] ?? '';
  if (!email) errors['email'] = 'form.required';
  else if (!EMAIL.test(email)) errors['email'] = 'admin.emailFormat';
  if (!name) errors['name'] = 'form.required';
  const broken = brokenPasswordRule(password, email);
  if (broken === 'contains_email') errors['password'] = 'account.containsEmail';
  else if (broken !== undefined) errors['password'] = 'admin.passwordLength';
  if (!ROLES.includes(role as Role)) errors['role'] = 'admin.pickRole';
  // Everyone but an administrator works for an organization: a bank's manager for the bank, say.
  if (role && role !== 'admin' && !organizationId) errors['organizationId'] = 'admin.pickOrganization';
  if (role && role !== 'admin' && !regionCode) errors['regionCode'] = 'admin.pickRegion';
  return done(errors, () => ({
    email,
    name,
    password,
    role: role as Role,
    ...(organizationId ? { organizationId } : {}),
    ...(regionCode ? { regionCode } : {}),
  }));
}

/**
 * A user's edit: name, role, organization and region, under a new user's checks (an administrator alone
 * may have no organization or region); only what changed is sent.
 */
export function validateUserEdit(values: FormValues, original: Schemas['UserResponse']): Validation<UpdateUserBody> {
  const errors: FormErrors = {};
  const name = (values['name'] ?? '').trim();
  const role = values['role'] ?? '';
  const organizationId = values['organizationId'] ?? '';
  const regionCode = values['regionCode'] ?? '';
  if (!name) errors['name'] = 'form.required';
  if (!ROLES.includes(role as Role)) errors['role'] = 'admin.pickRole';
  if (role && role !== 'admin' && !organizationId) errors['organizationId'] = 'admin.pickOrganization';
  if (role && role !== 'admin' && !regionCode) errors['regionCode'] = 'admin.pickRegion';
  return done(errors, () =>
    changedOnly<UpdateUserBody>(
      { name, role: role as Role, organizationId: organizationId || null, regionCode: regionCode || null },
      original,
    ),
  );
}

export function validateChain(values: FormValues): Validation<CreateChainBody> {
  const errors: FormErrors = {};
  const name = (values['name'] ?? '').trim();
  const regionCode = values['regionCode'] ?? '';
  const leadBankId = values['leadBankId'] ?? '';
  const deputyBankId = values['deputyBankId'] ?? '';
  if (!name) errors['name'] = 'form.required';
  if (!regionCode) errors['regionCode'] = 'admin.pickRegion';
  if (!leadBankId) errors['leadBankId'] = 'admin.pickBank';
  if (!deputyBankId) errors['deputyBankId'] = 'admin.pickBank';
  else if (deputyBankId === leadBankId) errors['deputyBankId'] = 'admin.deputyIsLead';
  return done(errors, () => ({ name, regionCode, leadBankId, deputyBankId, memberOrgIds: [] }));
}

export function validateCampaign(values: FormValues): Validation<CreateCampaignBody> {
  const errors: FormErrors = {};
  const name = (values['name'] ?? '').trim();
  const kind = values['kind'] ?? '';
  const regionCode = values['regionCode'] ?? '';
  const startsOn = values['startsOn'] ?? '';
  const endsOn = values['endsOn'] ?? '';
  const slaPolicyId = values['slaPolicyId'] ?? '';
  if (!name) errors['name'] = 'form.required';
  if (!CAMPAIGN_KINDS.includes(kind as CampaignKind)) errors['kind'] = 'admin.pickKind';
  if (!regionCode) errors['regionCode'] = 'admin.pickRegion';
  if (!ISO_DAY.test(startsOn)) errors['startsOn'] = 'form.invalidDate';
  if (!ISO_DAY.test(endsOn)) errors['endsOn'] = 'form.invalidDate';
  else if (ISO_DAY.test(startsOn) && endsOn < startsOn) errors['endsOn'] = 'admin.endsBeforeStart';
  return done(errors, () => ({
    name,
    kind: kind as CampaignKind,
    regionCode,
    startsOn,
    endsOn,
    ...(slaPolicyId ? { slaPolicyId } : {}),
    ...(values['screening'] === 'required' ? { screening: 'required' as const } : {}),
  }));
}

/** Each duration, when given: business days (`3BD`) or an ISO 8601 duration (`P3D`, `PT2H`, `PT30S`). */
export function validateSlaPolicy(values: FormValues): Validation<CreateSlaPolicyBody> {
  const errors: FormErrors = {};
  const name = (values['name'] ?? '').trim();
  const calendarId = values['calendarId'] ?? '';
  if (!name) errors['name'] = 'form.required';
  if (!calendarId) errors['calendarId'] = 'admin.pickCalendar';
  const durations: Partial<Record<(typeof SLA_DURATIONS)[number], string>> = {};
  for (const key of SLA_DURATIONS) {
    const value = (values[key] ?? '').trim().toUpperCase();
    if (!value) continue;
    if (parseSlaDuration(value) !== null) durations[key] = value;
    else errors[key] = 'admin.durationFormat';
  }
  return done(errors, () => ({ name, calendarId, ...durations }));
}

/**
 * What a new enterprise and an edited one share: name, region, size, its place on a chain, and its contact
 * person and phone (a mobile or a landline, checked as the API checks it; left empty, unchanged).
 */
function enterpriseDetails(
  values: FormValues,
  errors: FormErrors,
): Pick<
  CreateEnterpriseBody,
  'name' | 'regionCode' | 'size' | 'chainId' | 'chainRole' | 'contactName' | 'contactPhone'
> {
  const name = (values['name'] ?? '').trim();
  const regionCode = values['regionCode'] ?? '';
  const size = values['size'] ?? '';
  const chainId = values['chainId'] ?? '';
  const chainRole = values['chainRole'] ?? '';
  if (!name) errors['name'] = 'form.required';
  if (!regionCode) errors['regionCode'] = 'admin.pickRegion';
  if (!ENTERPRISE_SIZES.includes(size as EnterpriseSize)) errors['size'] = 'admin.pickSize';
  if (chainId && !chainRole) errors['chainRole'] = 'admin.pickChainRole';
  const contactName = (values['contactName'] ?? '').trim();
  const contactPhone = normalizePhone(values['contactPhone'] ?? '');
  if (contactPhone && !CHINESE_PHONE_PATTERN.test(contactPhone)) errors['contactPhone'] = 'admin.phoneFormat';
  return {
    name,
    regionCode,
    size: size as EnterpriseSize,
    ...(chainId ? { chainId, chainRole: chainRole as ChainRole } : {}),
    ...(contactName ? { contactName } : {}),
    ...(contactPhone ? { contactPhone } : {}),
  };
}

/** A new enterprise: its unified social credit code is checked as the API checks it (GB 32100-2015). */
export function validateEnterprise(values: FormValues): Validation<CreateEnterpriseBody> {
  const errors: FormErrors = {};
  const uscc = normalizeUscc(values['uscc'] ?? '');
  if (!uscc) errors['uscc'] = 'form.required';
  else if (!isValidUscc(uscc)) errors['uscc'] = 'admin.usccFormat';
  const details = enterpriseDetails(values, errors);
  return done(errors, () => ({ uscc, ...details }));
}

/** Dates separated by commas, spaces or new lines; undefined when one is not `YYYY-MM-DD`. */
export function parseDays(text: string): string[] | undefined {
  const days = text.split(/[\s,，、]+/u).filter(Boolean);
  return days.every((d) => ISO_DAY.test(d) && !Number.isNaN(Date.parse(d))) ? [...new Set(days)].sort() : undefined;
}

export function validateCalendar(values: FormValues): Validation<CreateCalendarBody> {
  const errors: FormErrors = {};
  const name = (values['name'] ?? '').trim();
  const holidays = parseDays(values['holidays'] ?? '');
  const workdays = parseDays(values['workdays'] ?? '');
  if (!name) errors['name'] = 'form.required';
  if (!holidays) errors['holidays'] = 'admin.daysFormat';
  if (!workdays) errors['workdays'] = 'admin.daysFormat';
  else if (holidays?.some((d) => workdays.includes(d))) errors['workdays'] = 'admin.dayTwice';
  return done(errors, () => ({ name, holidays: holidays ?? [], workdays: workdays ?? [] }));
}

/**
 * What an edit sends: only the fields whose value differs from the item as it was read (compared as
 * JSON, so lists of days compare by content).
 */
export function changedOnly<B extends object>(body: B, original: Readonly<Record<string, unknown>>): Partial<B> {
  const patch: Partial<B> = {};
  for (const key of Object.keys(body) as (keyof B & string)[]) {
    if (JSON.stringify(body[key]) !== JSON.stringify(original[key])) patch[key] = body[key];
  }
  return patch;
}

/**
 * An organization's edit: its name, and where its notifications go. The webhook's URL and secret are
 * never shown, so an empty field keeps what is there; a new URL needs a secret unless one is set.
 */
export function validateOrganizationEdit(
  values: FormValues,
  original: { name: string; webhookConfigured: boolean },
): Validation<UpdateOrganizationBody> {
  const errors: FormErrors = {};
  const name = (values['name'] ?? '').trim();
  const webhookUrl = (values['webhookUrl'] ?? '').trim();
  const webhookSecret = values['webhookSecret'] ?? '';
  const remove = values['webhook'] === 'remove';
  if (!name) errors['name'] = 'form.required';
  if (remove && webhookUrl) errors['webhookUrl'] = 'admin.webhookRemoveOrSet';
  else if (webhookUrl && !WEBHOOK_URL.test(webhookUrl)) errors['webhookUrl'] = 'admin.webhookUrlFormat';
  if (webhookSecret && webhookSecret.length < WEBHOOK_SECRET_MIN) errors['webhookSecret'] = 'admin.webhookSecretLength';
  else if (!remove && webhookUrl && !webhookSecret && !original.webhookConfigured)
    errors['webhookSecret'] = 'form.required';
  return done(errors, () => ({
    ...(name !== original.name ? { name } : {}),
    ...(remove ? { webhookUrl: null } : webhookUrl ? { webhookUrl } : {}),
    ...(webhookSecret && !remove ? { webhookSecret } : {}),
  }));
}

/**
 * An enterprise's edit: its credit code is who it is and is neither edited nor checked again; leaving its
 * chain sends null for both chain fields.
 */
export function validateEnterpriseEdit(
  values: FormValues,
  original: Schemas['EnterpriseResponse'],
): Validation<UpdateEnterpriseBody> {
  const errors: FormErrors = {};
  const { name, regionCode, size, chainId, chainRole } = enterpriseDetails(values, errors);
  return done(errors, () =>
    changedOnly<UpdateEnterpriseBody>(
      { name, regionCode, size, chainId: chainId ?? null, chainRole: chainId ? (chainRole ?? null) : null },
      original,
    ),
  );
}

/** A calendar's edit: the same checks as a new one; only what changed is sent. */
export function validateCalendarEdit(
  values: FormValues,
  original: Schemas['CalendarResponse'],
): Validation<UpdateCalendarBody> {
  const result = validateCalendar(values);
  const sorted = { ...original, holidays: [...original.holidays].sort(), workdays: [...original.workdays].sort() };
  return result.ok ? { ok: true, body: changedOnly(result.body, sorted) } : result;
}
