import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useApiMutation } from '../../api/use-api-mutation';
import { useAuth } from '../../auth/auth';
import { Page } from '../../components/page';
import { Notice, ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';

export interface ImportRowError {
  row: number;
  field: string;
  reason: string;
}

/** `GET /imports/:id` as the API answers it (its document cannot describe it). */
export interface ImportView {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  filename: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  failureReason: string | null;
  errors: ImportRowError[];
  nextErrorsAfterRow: number | null;
  errorsNotStored: number;
}

const POLL_MS = 1000;

function hasEnded(view: ImportView | undefined): boolean {
  return view?.status === 'completed' || view?.status === 'failed';
}

/**
 * An import page: pick a CSV or .xlsx file (and any `fields` of the kind, sent before it), upload it with
 * `send`, then follow the import: progress and rejected rows. `onEnded` runs once the import has ended.
 */
export function FileImportPage({
  title,
  hint,
  fields,
  send,
  onEnded,
  fieldLabel = (field) => field,
  reasonLabel = (reason) => reason,
}: {
  title: string;
  hint: string;
  fields?: ReactNode;
  send: (form: FormData) => Promise<unknown>;
  onEnded: () => void;
  /** The name people know a rejected row's field by (the file's own header). */
  fieldLabel?: (field: string) => string;
  /** A rejected row's reason in the reader's language, where the page knows it. */
  reasonLabel?: (reason: string) => string;
}): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const fileRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const upload = useApiMutation(async (file: File) => {
    // The form's other fields first: the API reads them before the file part.
    const form = new FormData();
    for (const [name, value] of new FormData(formRef.current ?? undefined).entries()) {
      if (name !== 'file' && typeof value === 'string' && value !== '') form.append(name, value);
    }
    form.append('file', file, file.name);
    return (await send(form)) as ImportView;
  }, []);
  const importId = upload.data?.id;
  // Follows the import (read again every second) until it ends.
  const followed = useQuery({
    queryKey: queryKeys.imports.detail(importId ?? ''),
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/imports/{id}', { params: { path: { id: importId ?? '' }, query: { errorsAfterRow: 0 } } }),
      )) as unknown as ImportView,
    enabled: importId !== undefined,
    initialData: upload.data,
    refetchInterval: (query) => (hasEnded(query.state.data) ? false : POLL_MS),
  });
  const view = importId === undefined ? undefined : followed.data;
  const ended = hasEnded(view);
  useEffect(() => {
    if (ended) onEnded();
  }, [ended, onEnded]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError(t('admin.pickFile'));
      fileRef.current?.focus();
      return;
    }
    setFileError(undefined);
    upload.mutate(file);
  };

  return (
    <Page title={title}>
      <ProblemBanner error={upload.error ?? followed.error} onDismiss={upload.reset} />
      <form ref={formRef} className="form panel" noValidate onSubmit={submit}>
        <p className="hint" id="import-columns">
          {hint}
        </p>
        {fields}
        <div className={fileError ? 'field has-error' : 'field'}>
          <label htmlFor="import-file">
            {t('admin.importFile')}
            <span aria-hidden="true"> *</span>
          </label>
          <input
            id="import-file"
            ref={fileRef}
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-required
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? 'import-columns import-file-error' : 'import-columns'}
          />
          {fileError && (
            <p className="field-error" id="import-file-error">
              {fileError}
            </p>
          )}
        </div>
        <button type="submit" disabled={upload.isPending || (view !== undefined && !ended)}>
          {upload.isPending ? t('admin.uploading') : t('admin.upload')}
        </button>
      </form>
      {view && (
        <section className="panel" aria-labelledby="import-progress" data-testid="import-progress">
          <h2 id="import-progress">{t('admin.importProgress', { file: view.filename })}</h2>
          <p role="status" data-status={view.status}>
            {t(`admin.importStatus.${view.status}`)} ·{' '}
            {t('admin.importCounts', {
              read: view.rowsRead,
              accepted: view.rowsAccepted,
              rejected: view.rowsRejected,
            })}
          </p>
          {view.failureReason && <Notice kind="warning">{view.failureReason}</Notice>}
          {view.errors.length > 0 && (
            <div className="table-wrap" tabIndex={0} role="region" aria-label={t('admin.rowErrors')}>
              <table data-testid="import-errors">
                <caption>{t('admin.rowErrors')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.row')}</th>
                    <th scope="col">{t('admin.field')}</th>
                    <th scope="col">{t('admin.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.errors.map((rowError) => (
                    <tr key={`${rowError.row}-${rowError.field}`}>
                      <td>{rowError.row}</td>
                      <td>{fieldLabel(rowError.field)}</td>
                      <td>{reasonLabel(rowError.reason)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {view.errorsNotStored > 0 && <p>{t('admin.errorsNotStored', { count: view.errorsNotStored })}</p>}
        </section>
      )}
    </Page>
  );
}
