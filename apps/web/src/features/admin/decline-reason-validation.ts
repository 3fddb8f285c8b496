import { DECLINE_REASON_CODE, REPAIRER_KINDS, type RepairerKind } from '@unblock/domain';
import type { Schemas } from '../../api/types';
import type { FormErrors, FormValues, Validation } from './admin-validation';

export type DeclineReason = Schemas['DeclineReasonResponse'];
export type CreateDeclineReasonBody = Schemas['CreateDeclineReasonDto'];
export type UpdateDeclineReasonBody = Schemas['UpdateDeclineReasonDto'];

/** The repair of a form: a repairer picked makes the reason repairable, and then it needs a path. */
function repairOf(values: FormValues, errors: FormErrors): { kind: RepairerKind | undefined; path: string } {
  const picked = values['repairerKind'] ?? '';
  const kind = (REPAIRER_KINDS as readonly string[]).includes(picked) ? (picked as RepairerKind) : undefined;
  const path = (values['repairPath'] ?? '').trim();
  if (kind !== undefined && !path) errors['repairPath'] = 'repair.pathRequired';
  if (kind === undefined && path) errors['repairerKind'] = 'repair.pickRepairer';
  return { kind, path };
}

export function validateDeclineReason(values: FormValues): Validation<CreateDeclineReasonBody> {
  const errors: FormErrors = {};
  const code = (values['code'] ?? '').trim();
  const name = (values['name'] ?? '').trim();
  if (!DECLINE_REASON_CODE.test(code)) errors['code'] = 'repair.codeFormat';
  if (!name) errors['name'] = 'form.required';
  const { kind, path } = repairOf(values, errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body:
      kind === undefined
        ? { code, name, repairable: false }
        : { code, name, repairable: true, repairPath: path, repairerKind: kind },
  };
}

export function validateDeclineReasonEdit(values: FormValues): Validation<UpdateDeclineReasonBody> {
  const errors: FormErrors = {};
  const name = (values['name'] ?? '').trim();
  if (!name) errors['name'] = 'form.required';
  const { kind, path } = repairOf(values, errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body:
      kind === undefined
        ? { name, repairable: false, repairPath: null, repairerKind: null }
        : { name, repairable: true, repairPath: path, repairerKind: kind },
  };
}
