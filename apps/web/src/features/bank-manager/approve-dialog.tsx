import { useState, type ReactNode } from 'react';
import type { Schemas } from '../../api/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { TextAreaField, TextField } from '../../components/fields';
import { useI18n } from '../../i18n/i18n';
import { parseMoneyInput, type MoneyInput } from '../../lib/money';

export type ApproveBody = Schemas['ApproveCaseDto'];

/**
 * An amount typed in 万元 ("800", "1,250.5") as exact yuan ("8000000.00"): the digits move four places,
 * so no float is ever involved; at most six decimals (a fen).
 */
export function parseWanInput(text: string): MoneyInput {
  const compact = text.replace(/[\s,，]/gu, '').replace(/万元?$/u, '');
  const match = /^(\d*)(?:\.(\d*))?$/u.exec(compact);
  if (compact === '') return { ok: false, error: 'required' };
  if (!match) return { ok: false, error: 'invalid' };
  const [, whole = '', fraction = ''] = match;
  if (fraction.length > 6) return { ok: false, error: 'tooManyDecimals' };
  const padded = fraction.padEnd(6, '0');
  return parseMoneyInput(`${whole || '0'}${padded.slice(0, 4)}.${padded.slice(4)}`);
}

/**
 * The approval, confirmed: the credit approved (授信金额) in 万元 with the exact yuan shown as it is typed,
 * and a note. Both are optional; a typed amount must be a valid one.
 */
export function ApproveDialog({
  open,
  expectedVersion,
  onConfirm,
  onCancel,
  busy,
}: {
  open: boolean;
  expectedVersion: number;
  onConfirm: (body: ApproveBody) => void;
  onCancel: () => void;
  busy: boolean;
}): ReactNode {
  const { t, exact } = useI18n();
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const parsed = amount.trim() === '' ? undefined : parseWanInput(amount);
  const error =
    parsed === undefined || parsed.ok
      ? undefined
      : parsed.error === 'notPositive' || parsed.error === 'tooLarge'
        ? t(`money.${parsed.error}`)
        : t('approve.amountInvalid');
  return (
    <ConfirmDialog
      open={open}
      title={t('approve.title')}
      confirmLabel={t('approve.confirm')}
      cancelLabel={t('confirm.cancel')}
      busy={busy}
      confirmDisabled={parsed !== undefined && !parsed.ok}
      onCancel={onCancel}
      onConfirm={() =>
        onConfirm({
          expectedVersion,
          ...(parsed?.ok ? { approvedAmount: parsed.value } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        })
      }
    >
      <p>{t('approve.irreversible')}</p>
      <TextField
        name="approvedAmount"
        label={t('approve.amount')}
        hint={t('approve.amountHint')}
        inputMode="decimal"
        value={amount}
        error={error}
        onChange={(event) => setAmount(event.target.value)}
      />
      <p aria-live="polite" data-testid="approve-preview">
        {parsed?.ok ? t('approve.preview', { exact: exact(parsed.value) }) : ''}
      </p>
      <TextAreaField
        name="approveNote"
        label={t('approve.note')}
        rows={2}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
    </ConfirmDialog>
  );
}
