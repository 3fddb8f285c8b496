import { CAMPAIGN_KINDS } from '@unblock/domain';
import type { Schemas } from '../../api/types';
import { parseMoneyInput } from '../../lib/money';
import {
  changedOnly,
  done,
  ISO_DAY,
  type CampaignKind,
  type CreateCampaignBody,
  type CreateChainBody,
  type CreateSlaPolicyBody,
  type FormErrors,
  type FormValues,
  type Validation,
} from './admin-validation';
import { joinDuration, SLA_DURATIONS, unitKey, type DurationUnit, type SlaDurationField } from './sla-durations';

/**
 * The checks of the forms of chains, campaigns and SLA policies, new or edited; an edit sends only what
 * changed (`changedOnly`). The API checks again.
 */
export type UpdateChainBody = Schemas['UpdateChainDto'];
export type UpdateCampaignBody = Schemas['UpdateCampaignDto'];
export type UpdateSlaPolicyBody = Schemas['UpdateSlaPolicyDto'];

/** The ids of a multiple choice (joined by commas in the form), sorted as the API answers them. */
function ids(text: string | undefined): string[] {
  return [...new Set((text ?? '').split(',').filter(Boolean))].sort();
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
  return done(errors, () => ({
    name,
    regionCode,
    leadBankId,
    deputyBankId,
    memberOrgIds: ids(values['memberOrgIds']),
  }));
}

/** A chain's edit: its name, region, lead and deputy lead bank and its member institutions (the N). */
export function validateChainEdit(
  values: FormValues,
  original: Schemas['IndustrialChainResponse'],
): Validation<UpdateChainBody> {
  const result = validateChain(values);
  return result.ok
    ? { ok: true, body: changedOnly(result.body, { ...original, memberOrgIds: [...original.memberOrgIds].sort() }) }
    : result;
}

/** A target count: empty (none) or a whole number from 0. */
function readCount(values: FormValues, key: string, errors: FormErrors): number | null {
  const text = (values[key] ?? '').normalize('NFKC').replace(/[,\s]/gu, '');
  if (!text) return null;
  if (!/^\d{1,9}$/u.test(text)) {
    errors[key] = 'admin.targetCountFormat';
    return null;
  }
  return Number(text);
}

/** The campaign's targets as typed: counts, and an amount written as people write it (800万, 31.45亿). */
function readTargets(
  values: FormValues,
  errors: FormErrors,
): { targetVisits: number | null; targetNeeds: number | null; targetSignedAmount: string | null } {
  const targetVisits = readCount(values, 'targetVisits', errors);
  const targetNeeds = readCount(values, 'targetNeeds', errors);
  const amountText = (values['targetSignedAmount'] ?? '').trim();
  const amount = amountText ? parseMoneyInput(amountText) : undefined;
  if (amount && !amount.ok) errors['targetSignedAmount'] = 'admin.targetAmountFormat';
  return { targetVisits, targetNeeds, targetSignedAmount: amount?.ok ? amount.value : null };
}

/** A share from 0 to 1 with at most 4 decimals, as the API takes it. */
const SHARE = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/u;

/** The daily bulletin's laggard thresholds typed (each a share, or empty for none). */
function readThresholds(values: FormValues, errors: FormErrors): { claimsOnTime?: string; creditedRate?: string } {
  const out: { claimsOnTime?: string; creditedRate?: string } = {};
  for (const key of ['claimsOnTime', 'creditedRate'] as const) {
    const text = (values[key] ?? '').trim();
    if (!text) continue;
    if (SHARE.test(text)) out[key] = text;
    else errors[key] = 'campaign.thresholdError';
  }
  return out;
}

function campaignDetails(values: FormValues, errors: FormErrors): CreateCampaignBody {
  const name = (values['name'] ?? '').trim();
  const kind = values['kind'] ?? '';
  const regionCode = values['regionCode'] ?? '';
  const startsOn = values['startsOn'] ?? '';
  const endsOn = values['endsOn'] ?? '';
  if (!name) errors['name'] = 'form.required';
  if (!CAMPAIGN_KINDS.includes(kind as CampaignKind)) errors['kind'] = 'admin.pickKind';
  if (!regionCode) errors['regionCode'] = 'admin.pickRegion';
  if (!ISO_DAY.test(startsOn)) errors['startsOn'] = 'form.invalidDate';
  if (!ISO_DAY.test(endsOn)) errors['endsOn'] = 'form.invalidDate';
  else if (ISO_DAY.test(startsOn) && endsOn < startsOn) errors['endsOn'] = 'admin.endsBeforeStart';
  return { name, kind: kind as CampaignKind, regionCode, startsOn, endsOn };
}

export function validateCampaign(values: FormValues): Validation<CreateCampaignBody> {
  const errors: FormErrors = {};
  const details = campaignDetails(values, errors);
  const slaPolicyId = values['slaPolicyId'] ?? '';
  const targets = readTargets(values, errors);
  return done(errors, () => ({
    ...details,
    ...(slaPolicyId ? { slaPolicyId } : {}),
    ...Object.fromEntries(Object.entries(targets).filter(([, value]) => value !== null)),
    ...(values['screening'] === 'required' ? { screening: 'required' as const } : {}),
  }));
}

/** A campaign's edit: its dates, region, policy (none: the default) and targets (empty: none). */
export function validateCampaignEdit(
  values: FormValues,
  original: Schemas['CampaignResponse'],
): Validation<UpdateCampaignBody> {
  const errors: FormErrors = {};
  const details = campaignDetails(values, errors);
  const targets = readTargets(values, errors);
  const laggardThresholds = readThresholds(values, errors);
  return done(errors, () =>
    changedOnly<UpdateCampaignBody>(
      {
        ...details,
        slaPolicyId: values['slaPolicyId'] || null,
        ...targets,
        screening: values['screening'] === 'required' ? 'required' : 'none',
        laggardThresholds,
      },
      original,
    ),
  );
}

/** The durations typed (a number and a unit each); an empty one is left out. */
function readDurations(values: FormValues, errors: FormErrors): Partial<Record<SlaDurationField, string>> {
  const durations: Partial<Record<SlaDurationField, string>> = {};
  for (const key of SLA_DURATIONS) {
    const amount = (values[key] ?? '').trim();
    if (!amount) continue;
    const stored = joinDuration(amount, (values[unitKey(key)] ?? 'BD') as DurationUnit);
    if (stored === undefined) errors[key] = 'admin.durationFormat';
    else durations[key] = stored;
  }
  return durations;
}

/** A new policy: a name, a calendar, and each duration typed, or empty for the default. */
export function validateSlaPolicy(values: FormValues): Validation<CreateSlaPolicyBody> {
  const errors: FormErrors = {};
  const name = (values['name'] ?? '').trim();
  const calendarId = values['calendarId'] ?? '';
  if (!name) errors['name'] = 'form.required';
  if (!calendarId) errors['calendarId'] = 'admin.pickCalendar';
  const durations = readDurations(values, errors);
  const isDefault = values['isDefault'] === 'yes';
  return done(errors, () => ({ name, calendarId, ...durations, ...(isDefault ? { isDefault } : {}) }));
}

/** A policy's edit: a duration emptied keeps its value; only what changed is sent. */
export function validateSlaPolicyEdit(
  values: FormValues,
  original: Schemas['SlaPolicyResponse'],
): Validation<UpdateSlaPolicyBody> {
  const result = validateSlaPolicy(values);
  return result.ok
    ? {
        ok: true,
        body: changedOnly<UpdateSlaPolicyBody>({ ...result.body, isDefault: values['isDefault'] === 'yes' }, original),
      }
    : result;
}
