import { useQueryClient } from '@tanstack/react-query';
import { useCallback, type ReactNode } from 'react';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { FileImportPage } from './file-import-page';

/** Import enterprises from a CSV or .xlsx file, then follow the import: progress and rejected rows. */
export function EnterpriseImportPage(): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const queryClient = useQueryClient();
  // The enterprises it accepted are in the lists (and the pickers) from now on.
  const onEnded = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: queryKeys.enterprises.all }),
    [queryClient],
  );
  return (
    <FileImportPage
      title={t('admin.importEnterprises')}
      hint={t('admin.importColumns')}
      onEnded={onEnded}
      send={(form) =>
        unwrap(
          api.POST('/api/v1/imports/enterprises', {
            body: form as never,
            bodySerializer: (body: unknown) => body as FormData,
          }),
        )
      }
    />
  );
}
