import type { QueryKey } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { pageQuery, type PagedList } from '../../api/paged-list';
import { ApiProblem } from '../../api/problem';
import { useApiMutation } from '../../api/use-api-mutation';
import { LoadMore } from '../../components/load-more';
import { Page } from '../../components/page';
import { Notice, ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';
import { useDraft } from '../../lib/use-draft';
import { AdminForm, type FieldSpec } from './admin-form';
import type { FormValues, Validation } from './admin-validation';

/** Rows per page of an admin list (then "Load more"): a screenful or two to scan, the rest on demand. */
export const ADMIN_PAGE_SIZE = 50;

/** The query of an admin list's page: fifty rows, and with the first, how many the whole list holds. */
export function adminPageQuery(cursor: string | undefined): { limit: number; cursor?: string; count: true } {
  return { ...pageQuery(cursor, ADMIN_PAGE_SIZE), count: true };
}

export interface Column<T> {
  label: MessageKey;
  value: (item: T) => ReactNode;
}

/** How a page edits one of its items, where the API offers an update (PATCH). */
export interface EditSpec<T, U> {
  /** What the item is called, in the edit form's heading and its row's button. */
  label: (item: T) => string;
  fields: readonly FieldSpec[];
  /** The form's values for the item as it was read. */
  initial: (item: T) => FormValues;
  /** The body to send: only what changed. */
  validate: (values: FormValues, item: T) => Validation<U>;
  update: (item: T, body: U) => Promise<unknown>;
  /** What an edit changes and what it leaves (open deadlines, cases already routed), shown over the form. */
  note?: MessageKey;
}

type Write<T, B, U> = { kind: 'create'; body: B } | { kind: 'edit'; item: T; body: U };

/**
 * One kind of reference data: its list (page by page), and a form that creates one more or, after a
 * row's Edit, changes that one. A write invalidates `resource` (every read of that kind, the pickers
 * included) and says it worked; the API's field errors land beside the fields.
 */
export function AdminListPage<T extends { id: string }, B, U extends object = object>({
  title,
  formTitle,
  draftKey,
  list,
  resource,
  columns,
  fields,
  validate,
  create,
  edit,
  rowActions,
  banner,
  filters,
  filtered = false,
}: {
  title: MessageKey;
  formTitle: MessageKey;
  draftKey: string;
  list: PagedList<T>;
  /** `queryKeys.<resource>.all`: what a create or an edit changes. */
  resource: QueryKey;
  columns: readonly Column<T>[];
  fields: readonly FieldSpec[];
  validate: (values: FormValues) => Validation<B>;
  create: (body: B) => Promise<unknown>;
  edit?: EditSpec<T, U>;
  /** More actions of a row, beside its Edit (a user's deactivation, say). */
  rowActions?: (item: T) => ReactNode;
  /** Shown over the forms (a confirmation, a result). */
  banner?: ReactNode;
  /** The list's search and filters (`ListFilters`), over the table. */
  filters?: ReactNode;
  /** Whether a search or filter is on: an empty list then says nothing matches. */
  filtered?: boolean;
}): ReactNode {
  const { t } = useI18n();
  const [values, setValues, clear] = useDraft<FormValues>(`admin.${draftKey}`, () => ({}));
  const [editing, setEditing] = useState<T | undefined>(undefined);
  const [editValues, setEditValues] = useState<FormValues>({});
  const [noChanges, setNoChanges] = useState(false);
  const write = useApiMutation(
    (w: Write<T, B, U>) => (w.kind === 'create' ? create(w.body) : (edit?.update(w.item, w.body) ?? Promise.resolve())),
    [resource],
  );
  const serverErrors = write.error instanceof ApiProblem ? write.error.fieldErrors() : {};
  const outcome: MessageKey | undefined = write.isSuccess
    ? write.variables.kind === 'create'
      ? 'admin.created'
      : 'admin.saved'
    : undefined;

  const startEdit = (item: T): void => {
    if (!edit) return;
    setEditing(item);
    setEditValues(edit.initial(item));
    setNoChanges(false);
    write.reset();
  };
  const stopEdit = (): void => {
    setEditing(undefined);
    write.reset();
  };
  const saveEdit = (item: T, body: U): void => {
    write.reset();
    setNoChanges(Object.keys(body).length === 0);
    if (Object.keys(body).length > 0)
      write.mutate({ kind: 'edit', item, body }, { onSuccess: () => setEditing(undefined) });
  };
  const submit = (body: B): void => {
    setNoChanges(false);
    write.mutate({ kind: 'create', body }, { onSuccess: clear });
  };

  return (
    <Page title={t(title)}>
      <ProblemBanner error={write.error} onConflict={list.refresh} onDismiss={write.reset} />
      {outcome && <Notice kind="success">{t(outcome)}</Notice>}
      {noChanges && <Notice kind="info">{t('admin.noChanges')}</Notice>}
      {banner}
      {edit && editing ? (
        <>
          {edit.note && <Notice kind="info">{t(edit.note)}</Notice>}
          <AdminForm
            key={editing.id}
            title="admin.edit"
            heading={t('admin.editing', { name: edit.label(editing) })}
            fields={edit.fields}
            values={editValues}
            onChange={(patch) => setEditValues((current) => ({ ...current, ...patch }))}
            validate={(v) => edit.validate(v, editing)}
            onSubmit={(body) => saveEdit(editing, body)}
            serverErrors={serverErrors}
            busy={write.isPending}
            submitLabel="admin.save"
            onCancel={stopEdit}
          />
        </>
      ) : (
        <AdminForm
          title={formTitle}
          fields={fields}
          values={values}
          onChange={setValues}
          validate={validate}
          onSubmit={submit}
          serverErrors={serverErrors}
          busy={write.isPending}
          submitLabel="admin.create"
        />
      )}
      {filters}
      <ProblemBanner error={list.error} />
      {list.items && list.total !== undefined && (
        <p className="list-count" role="status" data-testid="admin-list-count">
          {t('adminList.count', { total: list.total, shown: list.items.length })}
        </p>
      )}
      {list.items && list.items.length === 0 && <p>{t(filtered ? 'adminList.noMatch' : 'admin.empty')}</p>}
      {list.items && list.items.length > 0 && (
        <div className="table-wrap admin-table" tabIndex={0} role="region" aria-label={t(title)}>
          <table data-testid="admin-list">
            <thead>
              <tr>
                {columns.map((column) => (
                  <th scope="col" key={column.label}>
                    {t(column.label)}
                  </th>
                ))}
                {(edit || rowActions) && (
                  <th scope="col" className="actions-column">
                    {t('admin.actions')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {list.items.map((item) => (
                <tr key={item.id}>
                  {columns.map((column) => (
                    <td key={column.label}>{column.value(item)}</td>
                  ))}
                  {(edit || rowActions) && (
                    <td className="actions-column">
                      <div className="row-actions">
                        {edit && (
                          <button
                            type="button"
                            className="link-button"
                            aria-label={t('admin.editItem', { name: edit.label(item) })}
                            onClick={() => startEdit(item)}
                          >
                            {t('admin.edit')}
                          </button>
                        )}
                        {rowActions?.(item)}
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore list={list} />
    </Page>
  );
}
