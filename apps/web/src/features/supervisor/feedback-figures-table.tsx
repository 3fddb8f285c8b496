import type { ReactNode } from 'react';
import { useSortedRows, type SortValue } from '../../components/sortable-header';
import { useI18n } from '../../i18n/i18n';
import { percent, type FeedbackFigures } from './report-figures';

/** A bank or a chain with the enterprises' word on its cases. */
export interface FeedbackRow {
  id: string;
  name: string;
  feedback: FeedbackFigures;
}

type Column = 'name' | 'answers' | 'confirmed' | 'disputes' | 'rating';

const VALUE_OF: Record<Column, (r: FeedbackRow) => SortValue> = {
  name: (r) => r.name,
  answers: (r) => r.feedback.contactAnswers,
  confirmed: (r) => (r.feedback.contactConfirmedShare === null ? null : Number(r.feedback.contactConfirmedShare)),
  disputes: (r) => r.feedback.disputes,
  rating: (r) => (r.feedback.averageRating === null ? null : Number(r.feedback.averageRating)),
};

/**
 * The enterprises' word, per bank or per chain, sortable: how many answered on contact, the share that
 * confirmed it, those who said nobody called, and the average rating.
 */
export function FeedbackFiguresTable({
  rows,
  nameLabel,
  labelledBy,
  testId,
}: {
  rows: FeedbackRow[];
  nameLabel: string;
  labelledBy: string;
  testId: string;
}): ReactNode {
  const { t } = useI18n();
  const { sorted, header } = useSortedRows(rows, VALUE_OF);
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={labelledBy}>
      <table data-testid={testId}>
        <thead>
          <tr>
            {header('name', nameLabel)}
            {header('answers', t('feedback.answers'), true)}
            {header('confirmed', t('feedback.confirmedShare'), true)}
            {header('disputes', t('feedback.disputes'), true)}
            {header('rating', t('feedback.averageRating'), true)}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.name}</th>
              <td className="number">{r.feedback.contactAnswers}</td>
              <td className="number">{percent(r.feedback.contactConfirmedShare)}</td>
              <td className="number">{r.feedback.disputes}</td>
              <td className="number">
                {r.feedback.averageRating === null
                  ? '—'
                  : t('feedback.score', {
                      score: Number(r.feedback.averageRating).toFixed(1),
                      count: r.feedback.ratings,
                    })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
