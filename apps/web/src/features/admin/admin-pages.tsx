import { useState, type ReactNode } from 'react';
import { unwrap, unwrapPage, type ApiClient } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { Organization, User } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { Page } from '../../components/page';
import { Notice, ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';
import { useDraft } from '../../lib/use-draft';
import { useLoad } from '../../lib/use-load';
import type { Region } from '../../api/types';
import {
  CreateForm,
  ORGANIZATION_KINDS,
  ROLES,
  validateOrganization,
  validateRegion,
  validateOrganizationEdit,
  validateUser,
  type FieldSpec,
  type FormValues,
  type Validation,
} from './admin-forms';

const LIMIT = 200;

export async function regionsAndOrganizations(
  api: ApiClient,
): Promise<{ regions: Region[]; organizations: Organization[] }> {
  const [regions, organizations] = await Promise.all([
    unwrapPage<Region>(api.GET('/api/v1/regions', { params: { query: { limit: LIMIT } } })),
    unwrapPage<Organization>(api.GET('/api/v1/organizations', { params: { query: { limit: LIMIT } } })),
  ]);
  return { regions: regions.items, organizations: organizations.items };
}

interface Column<T> {
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
}

/**
 * One kind of reference data: its list, and a form that creates one more (or, after a row's Edit,
 * changes that one). After a create the list is
 * read again and a notice says it worked; the API's field errors land beside the fields.
 */
export function AdminListPage<T extends { id: string }, B, U extends object = object>({
  title,
  formTitle,
  submitLabel,
  draftKey,
  load,
  columns,
  fields,
  validate,
  create,
  edit,
}: {
  title: MessageKey;
  formTitle: MessageKey;
  submitLabel: MessageKey;
  draftKey: string;
  load: () => Promise<T[]>;
  columns: readonly Column<T>[];
  fields: readonly FieldSpec[];
  validate: (values: FormValues) => Validation<B>;
  create: (body: B) => Promise<unknown>;
  edit?: EditSpec<T, U>;
}): ReactNode {
  const { t } = useI18n();
  const list = useLoad(load, [load]);
  const [values, setValues, clear] = useDraft<FormValues>(`admin.${draftKey}`, () => ({}));
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState(false);
  const [outcome, setOutcome] = useState<MessageKey | undefined>(undefined);
  const [editing, setEditing] = useState<T | undefined>(undefined);
  const [editValues, setEditValues] = useState<FormValues>({});
  const startEdit = (item: T): void => {
    if (!edit) return;
    setEditing(item);
    setEditValues(edit.initial(item));
    setError(undefined);
    setOutcome(undefined);
    setCreated(false);
  };
  const saveEdit = async (item: T, body: U): Promise<void> => {
    if (!edit) return;
    setError(undefined);
    setOutcome(undefined);
    if (Object.keys(body).length === 0) {
      setOutcome('admin.noChanges');
      return;
    }
    setBusy(true);
    try {
      await edit.update(item, body);
      setEditing(undefined);
      setOutcome('admin.saved');
      list.reload();
    } catch (failure: unknown) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const submit = async (body: B): Promise<void> => {
    setBusy(true);
    setError(undefined);
    setCreated(false);
    setOutcome(undefined);
    try {
      await create(body);
      clear();
      setCreated(true);
      list.reload();
    } catch (failure: unknown) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page title={t(title)}>
      <ProblemBanner error={error} onConflict={list.reload} onDismiss={() => setError(undefined)} />
      {created && <Notice kind="success">{t('admin.created')}</Notice>}
      {outcome && <Notice kind={outcome === 'admin.saved' ? 'success' : 'info'}>{t(outcome)}</Notice>}
      {edit && editing ? (
        <CreateForm
          key={editing.id}
          title="admin.edit"
          heading={t('admin.editing', { name: edit.label(editing) })}
          fields={edit.fields}
          values={editValues}
          onChange={(patch) => setEditValues((current) => ({ ...current, ...patch }))}
          validate={(values) => edit.validate(values, editing)}
          onSubmit={(body) => void saveEdit(editing, body)}
          serverErrors={error instanceof ApiProblem ? error.fieldErrors() : {}}
          busy={busy}
          submitLabel="admin.save"
          onCancel={() => {
            setEditing(undefined);
            setError(undefined);
          }}
        />
      ) : (
        <CreateForm
          title={formTitle}
          fields={fields}
          values={values}
          onChange={setValues}
          validate={validate}
          onSubmit={(body) => void submit(body)}
          serverErrors={error instanceof ApiProblem ? error.fieldErrors() : {}}
          busy={busy}
          submitLabel={submitLabel}
        />
      )}
      <ProblemBanner error={list.error} />
      {list.data && list.data.length === 0 && <p>{t('admin.empty')}</p>}
      {list.data && list.data.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t(title)}>
          <table data-testid="admin-list">
            <thead>
              <tr>
                {columns.map((column) => (
                  <th scope="col" key={column.label}>
                    {t(column.label)}
                  </th>
                ))}
                {edit && <th scope="col">{t('admin.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {list.data.map((item) => (
                <tr key={item.id}>
                  {columns.map((column) => (
                    <td key={column.label}>{column.value(item)}</td>
                  ))}
                  {edit && (
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('admin.editItem', { name: edit.label(item) })}
                        onClick={() => startEdit(item)}
                      >
                        {t('admin.edit')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

export function RegionsPage(): ReactNode {
  const { api } = useAuth();
  const regions = useLoad(
    async () => (await unwrapPage<Region>(api.GET('/api/v1/regions', { params: { query: { limit: LIMIT } } }))).items,
    [api],
  );
  const [load] = useState(() => async (): Promise<Region[]> => (await regionsAndOrganizations(api)).regions);
  return (
    <AdminListPage
      title="admin.regions"
      formTitle="admin.newRegion"
      submitLabel="admin.create"
      draftKey="region"
      load={load}
      columns={[
        { label: 'admin.code', value: (r: Region) => r.code },
        { label: 'admin.name', value: (r: Region) => r.name },
        { label: 'admin.parent', value: (r: Region) => r.parentCode ?? '—' },
      ]}
      fields={[
        { name: 'code', label: 'admin.code', required: true, inputMode: 'numeric', hint: 'admin.regionCodeHint' },
        { name: 'name', label: 'admin.name', required: true },
        {
          name: 'parentCode',
          label: 'admin.parent',
          placeholder: 'admin.noParent',
          options: (regions.data ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` })),
        },
      ]}
      validate={validateRegion}
      create={(body) => unwrap(api.POST('/api/v1/regions', { body }))}
    />
  );
}

export function OrganizationsPage(): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const reference = useLoad(() => regionsAndOrganizations(api), [api]);
  const [load] = useState(
    () => async (): Promise<Organization[]> => (await regionsAndOrganizations(api)).organizations,
  );
  return (
    <AdminListPage
      title="admin.organizations"
      formTitle="admin.newOrganization"
      submitLabel="admin.create"
      draftKey="organization"
      load={load}
      columns={[
        { label: 'admin.name', value: (o: Organization) => o.name },
        { label: 'admin.kind', value: (o: Organization) => t(`admin.kind.${o.kind}`) },
        { label: 'admin.region', value: (o: Organization) => o.regionCode },
        {
          label: 'admin.webhook',
          value: (o: Organization) => t(o.webhookConfigured ? 'admin.webhookOn' : 'admin.webhookOff'),
        },
      ]}
      edit={{
        label: (o: Organization) => o.name,
        fields: [
          { name: 'name', label: 'admin.name', required: true },
          { name: 'webhookUrl', label: 'admin.webhookUrl', hint: 'admin.webhookUrlHint' },
          { name: 'webhookSecret', label: 'admin.webhookSecret', type: 'password', hint: 'admin.webhookSecretHint' },
          {
            name: 'webhook',
            label: 'admin.webhook',
            placeholder: 'admin.webhookKeep',
            options: [{ value: 'remove', label: t('admin.webhookRemove') }],
          },
        ],
        initial: (o: Organization) => ({ name: o.name }),
        validate: validateOrganizationEdit,
        update: (o: Organization, body) =>
          unwrap(api.PATCH('/api/v1/organizations/{id}', { params: { path: { id: o.id } }, body })),
      }}
      fields={[
        {
          name: 'kind',
          label: 'admin.kind',
          required: true,
          placeholder: 'admin.pickKind',
          options: ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`admin.kind.${kind}`) })),
        },
        { name: 'name', label: 'admin.name', required: true },
        {
          name: 'regionCode',
          label: 'admin.region',
          required: true,
          placeholder: 'admin.pickRegion',
          options: (reference.data?.regions ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` })),
        },
      ]}
      validate={validateOrganization}
      create={(body) => unwrap(api.POST('/api/v1/organizations', { body }))}
    />
  );
}

export function UsersPage(): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const reference = useLoad(() => regionsAndOrganizations(api), [api]);
  const [load] = useState(
    () => async (): Promise<User[]> =>
      (await unwrapPage<User>(api.GET('/api/v1/users', { params: { query: { limit: LIMIT } } }))).items,
  );
  const organizations = reference.data?.organizations ?? [];
  return (
    <AdminListPage
      title="admin.users"
      formTitle="admin.newUser"
      submitLabel="admin.create"
      draftKey="user"
      load={load}
      columns={[
        { label: 'admin.name', value: (u: User) => u.name },
        { label: 'auth.email', value: (u: User) => u.email },
        { label: 'admin.role', value: (u: User) => t(`role.${u.role}`) },
        {
          label: 'admin.organization',
          value: (u: User) => organizations.find((o) => o.id === u.organizationId)?.name ?? '—',
        },
      ]}
      fields={[
        { name: 'email', label: 'auth.email', type: 'email', required: true },
        { name: 'name', label: 'admin.name', required: true },
        { name: 'password', label: 'auth.password', type: 'password', required: true, hint: 'admin.passwordHint' },
        {
          name: 'role',
          label: 'admin.role',
          required: true,
          placeholder: 'admin.pickRole',
          options: ROLES.map((role) => ({ value: role, label: t(`role.${role}`) })),
        },
        {
          name: 'organizationId',
          label: 'admin.organization',
          placeholder: 'admin.pickOrganization',
          options: organizations.map((o) => ({ value: o.id, label: o.name })),
        },
        {
          name: 'regionCode',
          label: 'admin.region',
          placeholder: 'admin.pickRegion',
          options: (reference.data?.regions ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` })),
        },
      ]}
      validate={validateUser}
      create={(body) => unwrap(api.POST('/api/v1/users', { body }))}
    />
  );
}
