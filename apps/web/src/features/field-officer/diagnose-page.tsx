import type { ReactNode } from 'react';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/i18n';
import { DiagnosePanel } from './diagnose-panel';

/** `/visits/:id/diagnose`: a need diagnosed later, from a visit of "My visits". */
export function DiagnosePage({ visitId }: { visitId: string }): ReactNode {
  const { t } = useI18n();
  return (
    <Page title={t('diagnose.title')}>
      <DiagnosePanel visitId={visitId} />
    </Page>
  );
}
