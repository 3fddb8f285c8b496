import { useEffect, useRef, type ReactNode } from 'react';
import { ApiProblem, NetworkError } from '../api/problem';
import type { CaseStatus } from '../api/types';
import { useI18n, type Translate } from '../i18n/i18n';

/**
 * What went wrong, in plain words. A 409 says what happened ("another manager claimed this case a moment
 * ago"), from the problem's `currentStatus` when the API gives one.
 */
export function describeProblem(error: unknown, t: Translate): string {
  if (error instanceof NetworkError) return t('error.network');
  if (!(error instanceof ApiProblem)) return t('error.generic', { status: '?' });
  if (error.status === 409) {
    const status = error.extra['currentStatus'];
    if (status === 'claimed') return t('error.conflictClaimed');
    if (
      typeof status === 'string' &&
      ['diagnosed', 'submitted', 'assigned', 'approved', 'loan_signed', 'closed', 'screened_out'].includes(status)
    ) {
      return t('error.conflictStatus', { status: t(`status.${status as CaseStatus}`) });
    }
    return t('error.conflict');
  }
  if (error.status === 404) return t('error.notFound');
  if (error.status === 403) return t('error.forbidden');
  if (error.status === 413)
    return t(error.extra['quotaBytes'] !== undefined ? 'error.uploadQuota' : 'error.fileTooLarge');
  if (error.status === 422 && error.errors.some((e) => e.field === 'file')) return t('error.fileRefused');
  if (error.status === 400 && error.errors.length > 0) return t('form.fixErrors');
  return error.detail || t('error.generic', { status: error.status });
}

/**
 * The banner over a form or a view: an API problem or a network failure. A conflict (409) refreshes the
 * view at once (`onConflict`), so what the user sees is the current state; the banner says why it changed.
 * It takes the focus, so a keyboard or screen-reader user hears it. No error (undefined or null) shows nothing.
 */
export function ProblemBanner({
  error,
  onConflict,
  onDismiss,
}: {
  error: unknown;
  onConflict?: () => void;
  onDismiss?: () => void;
}): ReactNode {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const conflict = error instanceof ApiProblem && error.status === 409;
  const none = error === undefined || error === null;
  useEffect(() => {
    if (none) return;
    ref.current?.focus();
    if (conflict) onConflict?.();
    // Only when a new error arrives.
  }, [error]);
  if (none) return null;
  return (
    <div ref={ref} className={conflict ? 'banner banner-warning' : 'banner banner-error'} role="alert" tabIndex={-1}>
      <p>{describeProblem(error, t)}</p>
      {onDismiss && (
        <button type="button" className="link-button" onClick={onDismiss}>
          {t('error.dismiss')}
        </button>
      )}
    </div>
  );
}

/** A success or information message, announced politely. */
export function Notice({ kind, children }: { kind: 'success' | 'info' | 'warning'; children: ReactNode }): ReactNode {
  return (
    <div className={`banner banner-${kind}`} role="status">
      {children}
    </div>
  );
}
