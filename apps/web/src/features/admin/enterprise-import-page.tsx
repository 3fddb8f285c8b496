import { useQueryClient } from '@tanstack/react-query';
import { useCallback, type ReactNode } from 'react';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useAuth } from '../../auth/auth';
import { useI18n, type Translate } from '../../i18n/i18n';
import { en, type MessageKey } from '../../i18n/messages.en';
import { FileImportPage } from './file-import-page';
import { importReason } from './import-reasons';
import { templateCsv } from './import-template';

/** A rejected row's column as its reader knows it (统一社会信用代码, 产业链), else as the API names it. */
function columnLabel(field: string, t: Translate): string {
  const key = `import.col.${field}`;
  return key in en ? t(key as MessageKey) : field;
}

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
  const downloadTemplate = (): void => {
    const url = URL.createObjectURL(new Blob([templateCsv(t)], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = t('import.templateFile');
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <FileImportPage
      title={t('admin.importEnterprises')}
      hint={t('admin.importColumns')}
      fields={
        <p>
          <button type="button" className="secondary" onClick={downloadTemplate}>
            {t('import.template')}
          </button>
        </p>
      }
      fieldLabel={(field) => columnLabel(field, t)}
      reasonLabel={(reason) => importReason(reason, t)}
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
