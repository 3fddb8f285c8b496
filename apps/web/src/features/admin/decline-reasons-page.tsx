import { REPAIRER_KINDS } from '@unblock/domain';
import type { ReactNode } from 'react';
import { unwrap, unwrapPage } from '../../api/client';
import { pageQuery, usePagedList } from '../../api/paged-list';
import { queryKeys } from '../../api/query-keys';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import type { FieldSpec } from './admin-form';
import { ADMIN_PAGE_SIZE, AdminListPage } from './admin-list-page';
import { validateDeclineReason, validateDeclineReasonEdit, type DeclineReason } from './decline-reason-validation';

/**
 * `/manage/decline-reasons`: why banks decline, and for the repairable causes how they are repaired (in the
 * enterprise's words) and by whom — the second diagnosis (二次诊断) starts from here.
 */
export function DeclineReasonsPage(): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const list = usePagedList(queryKeys.declineReasons.list(), (cursor) =>
    unwrapPage<DeclineReason>(
      api.GET('/api/v1/decline-reasons', { params: { query: pageQuery(cursor, ADMIN_PAGE_SIZE) } }),
    ),
  );
  const repairFields: FieldSpec[] = [
    {
      name: 'repairerKind',
      label: 'repair.repairer',
      placeholder: 'repair.notRepairable',
      options: REPAIRER_KINDS.map((k) => ({ value: k, label: t(`repair.repairer.${k}`) })),
    },
    { name: 'repairPath', label: 'repair.path', hint: 'repair.pathHint' },
  ];
  return (
    <AdminListPage
      title="repair.reasons"
      formTitle="repair.newReason"
      draftKey="decline-reason"
      list={list}
      resource={queryKeys.declineReasons.all}
      columns={[
        { label: 'admin.name', value: (r: DeclineReason) => r.name },
        {
          label: 'repair.repairer',
          value: (r: DeclineReason) =>
            r.repairerKind ? t(`repair.repairer.${r.repairerKind}`) : t('repair.notRepairable'),
        },
        { label: 'repair.path', value: (r: DeclineReason) => r.repairPath ?? '—' },
      ]}
      fields={[
        { name: 'name', label: 'admin.name', required: true },
        { name: 'code', label: 'repair.code', required: true, hint: 'repair.codeHint' },
        ...repairFields,
      ]}
      validate={validateDeclineReason}
      create={(body) => unwrap(api.POST('/api/v1/decline-reasons', { body }))}
      edit={{
        label: (r: DeclineReason) => r.name,
        fields: [{ name: 'name', label: 'admin.name', required: true }, ...repairFields],
        initial: (r: DeclineReason) => ({
          name: r.name,
          repairerKind: r.repairerKind ?? '',
          repairPath: r.repairPath ?? '',
        }),
        validate: validateDeclineReasonEdit,
        update: (r: DeclineReason, body) =>
          unwrap(api.PATCH('/api/v1/decline-reasons/{id}', { params: { path: { id: r.id } }, body })),
      }}
    />
  );
}
