import { useQueryClient } from '@tanstack/react-query';
import { useCallback, type ReactNode } from 'react';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { FileImportPage } from '../admin/file-import-page';

/** The columns of a balance report, as a rejected row names them. */
const COLUMNS = ['uscc', 'month', 'balance', 'mediumLongBalance', 'note'] as const;

/** The template's header and one example row (UTF-8 with a BOM, so Excel reads it). */
const TEMPLATE = [
  '统一社会信用代码,月份,贷款余额(元),其中中长期贷款余额(元),备注',
  '91110000600037341L,2025-06,12000000.00,5000000.00,',
].join('\r\n');

/** `/balances/import` (导入余额): a bank manager uploads a month's balances (CSV or .xlsx) for their bank. */
export function BalancesImportPage(): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const queryClient = useQueryClient();
  const onEnded = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.loanBalances.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.reports.all });
  }, [queryClient]);
  const template = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${TEMPLATE}\r\n`)}`;
  return (
    <FileImportPage
      title={t('balance.import')}
      hint={t('balance.importHint')}
      onEnded={onEnded}
      fieldLabel={(field) =>
        (COLUMNS as readonly string[]).includes(field)
          ? t(`balance.column.${field as (typeof COLUMNS)[number]}`)
          : field.startsWith('header.')
            ? field.slice('header.'.length)
            : field
      }
      fields={
        <p>
          <a href={template} download="贷款余额报送模板.csv">
            {t('balance.template')}
          </a>
        </p>
      }
      send={(form) =>
        unwrap(
          api.POST('/api/v1/imports/loan-balances', {
            body: form as never,
            bodySerializer: (body: unknown) => body as FormData,
          }),
        )
      }
    />
  );
}
