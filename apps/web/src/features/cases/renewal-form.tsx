import { useState, type FormEvent, type ReactNode } from 'react';
import { ChoiceGroup, TextAreaField } from '../../components/fields';
import { MoneyField } from '../../components/money-field';
import { useI18n } from '../../i18n/i18n';
import { parseMoneyInput } from '../../lib/money';

/** What an application for a renewal sends: `POST /contracts/:id/renewal` and the enterprise page's alike. */
export interface RenewalBody {
  requestedAmount?: string;
  withoutRepayment?: boolean;
  note?: string;
}

/**
 * The application for the renewal (续贷) of one contract, for staff and for the enterprise alike: the amount
 * (the contract's when left empty), whether it asks for a renewal without repayment (无还本续贷), a note.
 */
export function RenewalForm({
  contractNo,
  busy,
  onSubmit,
  onCancel,
}: {
  contractNo: string;
  busy: boolean;
  onSubmit: (body: RenewalBody) => void;
  onCancel: () => void;
}): ReactNode {
  const { t } = useI18n();
  const [amount, setAmount] = useState('');
  const [withoutRepayment, setWithoutRepayment] = useState(false);
  const [note, setNote] = useState('');
  const [amountError, setAmountError] = useState<string | undefined>();
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    let requestedAmount: string | undefined;
    if (amount.trim() !== '') {
      const parsed = parseMoneyInput(amount);
      if (!parsed.ok) {
        setAmountError(t(`money.${parsed.error === 'required' ? 'invalid' : parsed.error}`));
        return;
      }
      requestedAmount = parsed.value;
    }
    setAmountError(undefined);
    onSubmit({
      ...(requestedAmount === undefined ? {} : { requestedAmount }),
      ...(withoutRepayment ? { withoutRepayment: true } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('renewal.applyTitle', { contractNo })}>
      <h4>{t('renewal.applyTitle', { contractNo })}</h4>
      <MoneyField
        name="requestedAmount"
        label={t('renewal.amount')}
        value={amount}
        error={amountError}
        onChange={setAmount}
      />
      <ChoiceGroup
        name="withoutRepayment"
        type="checkbox"
        label={t('renewal.requested.renewal_without_repayment')}
        options={[{ value: 'yes', label: t('renewal.withoutRepayment') }]}
        selected={withoutRepayment ? ['yes'] : []}
        error={undefined}
        onChange={(values) => setWithoutRepayment(values.includes('yes'))}
      />
      <TextAreaField
        name="note"
        label={t('renewal.note')}
        value={note}
        maxLength={4000}
        onChange={(event) => setNote(event.target.value)}
      />
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {busy ? t('app.loading') : t('renewal.submit')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('renewal.cancel')}
        </button>
      </div>
    </form>
  );
}
