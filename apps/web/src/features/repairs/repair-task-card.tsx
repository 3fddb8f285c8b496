import type { ReactNode } from 'react';
import type { Schemas } from '../../api/types';
import { StatusBadge } from '../../components/page';
import { useI18n } from '../../i18n/i18n';
import { dueInWords } from './repair-due';

export type RepairTask = Schemas['RepairTaskResponse'];

/**
 * One repair task in words: who repairs it, for which decline reason and how, by when (working days left, or
 * overdue), its status, and the notes of the supervisor who opened it and of the officer who closed it.
 */
export function RepairTaskCard({
  task,
  heading,
  children,
}: {
  task: RepairTask;
  /** What leads the card: the organization (on a case), or the case and enterprise (in a task list). */
  heading: ReactNode;
  children?: ReactNode;
}): ReactNode {
  const { t, day, dateTime } = useI18n();
  return (
    <li className="panel repair-task" data-repair-status={task.status} data-overdue={task.overdue || undefined}>
      <div className="repair-task-head">
        <strong>{heading}</strong>{' '}
        <StatusBadge
          status={task.overdue ? 'level-1' : `repair-${task.status}`}
          label={t(`repairs.status.${task.status}`)}
        />
      </div>
      <dl className="facts">
        <dt>{t('repairs.reason')}</dt>
        <dd>{task.reasonName}</dd>
        {task.repairPath && (
          <>
            <dt>{t('repairs.path')}</dt>
            <dd>{task.repairPath}</dd>
          </>
        )}
        <dt>{t('repairs.due')}</dt>
        <dd data-testid="repair-due">{dueInWords(task, t, day)}</dd>
      </dl>
      {task.declinedByOrganizationName && (
        <p className="summary">{t('repairs.declinedBy', { bank: task.declinedByOrganizationName })}</p>
      )}
      {task.note && <p className="summary">{t('repairs.note', { text: task.note })}</p>}
      {task.openedByName && <p className="summary">{t('repairs.openedBy', { name: task.openedByName })}</p>}
      {task.outcomeNote && <p className="summary">{t('repairs.outcomeNote', { text: task.outcomeNote })}</p>}
      {task.completedAt && (
        <p className="summary">
          {t('repairs.completedBy', { name: task.completedByName ?? '—', at: dateTime(task.completedAt) })}
        </p>
      )}
      {children}
    </li>
  );
}
