import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages.en';

/** The two urgency filters of a case list: overdue, and under 督办 (escalated). */
export function UrgencyChoices({
  overdue,
  escalated,
  onChange,
  labels,
}: {
  overdue: boolean;
  escalated: boolean;
  onChange: (patch: { overdue?: boolean; escalated?: boolean }) => void;
  labels: { overdue: MessageKey; escalated: MessageKey };
}): ReactNode {
  const { t } = useI18n();
  return (
    <div className="choice-list">
      <label className="choice">
        <input
          type="checkbox"
          name="overdue"
          checked={overdue}
          onChange={(event) => onChange({ overdue: event.target.checked })}
        />
        <span>{t(labels.overdue)}</span>
      </label>
      <label className="choice">
        <input
          type="checkbox"
          name="escalated"
          checked={escalated}
          onChange={(event) => onChange({ escalated: event.target.checked })}
        />
        <span>{t(labels.escalated)}</span>
      </label>
    </div>
  );
}
