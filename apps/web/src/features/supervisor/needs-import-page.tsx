import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState, type ReactNode } from 'react';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useAuth } from '../../auth/auth';
import { SelectField } from '../../components/fields';
import { useI18n } from '../../i18n/i18n';
import { useCampaigns } from '../../reference/reference-lists';
import { FileImportPage } from '../admin/file-import-page';

/** The columns of a 申报清单, as a rejected row names them. */
const COLUMNS = [
  'enterpriseUscc',
  'enterpriseName',
  'campaign',
  'campaignId',
  'requestedAmount',
  'purpose',
  'term',
  'bottlenecks',
  'note',
  'source',
] as const;

/** The template's header and one example row, as a 申报清单 is written (UTF-8 with a BOM, so Excel reads it). */
const TEMPLATE = [
  '统一社会信用代码,企业名称,专项行动,融资需求金额,资金用途,贷款期限,融资堵点,备注,来源',
  ',示例企业,,800万,流动资金,短期,抵押物不足、融资成本高,,清单',
].join('\r\n');

/**
 * `/needs/import` (导入申报清单): an admin or supervisor uploads a needs list (CSV or .xlsx), each enterprise by
 * 统一社会信用代码 or 企业名称, optionally naming the campaign for the rows that name none; then follows it.
 */
export function NeedsImportPage(): ReactNode {
  const { t } = useI18n();
  const { api } = useAuth();
  const campaigns = useCampaigns();
  const queryClient = useQueryClient();
  const [campaignId, setCampaignId] = useState('');
  const onEnded = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.cases.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.reports.all });
  }, [queryClient]);
  const template = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${TEMPLATE}\r\n`)}`;
  return (
    <FileImportPage
      title={t('needsImport.title')}
      hint={t('needsImport.columns')}
      onEnded={onEnded}
      fieldLabel={(field) =>
        (COLUMNS as readonly string[]).includes(field)
          ? t(`needsImport.column.${field as (typeof COLUMNS)[number]}`)
          : field.startsWith('header.')
            ? field.slice('header.'.length)
            : field
      }
      fields={
        <>
          <p>
            <a href={template} download="申报清单模板.csv">
              {t('needsImport.template')}
            </a>
          </p>
          <SelectField
            name="campaignId"
            label={t('needsImport.campaign')}
            value={campaignId}
            placeholder={t('needsImport.anyCampaign')}
            options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            onChange={(event) => setCampaignId(event.target.value)}
          />
        </>
      }
      send={(form) =>
        unwrap(
          api.POST('/api/v1/imports/needs', {
            params: { query: {} },
            body: form as never,
            bodySerializer: (body: unknown) => body as FormData,
          }),
        )
      }
    />
  );
}
