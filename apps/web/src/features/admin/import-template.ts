import type { MessageKey } from '../../i18n/messages.en';

/** The console's `t` (`useI18n`), as this file needs it. */
type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The template's columns, in order: each header is a name the import takes (Chinese or English). */
export const TEMPLATE_COLUMNS = [
  'uscc',
  'name',
  'region',
  'size',
  'chain',
  'chainRole',
  'tags',
  'contactName',
  'contactPhone',
] as const;

/** One CSV cell: quoted when it holds a comma, a quote or a line break. */
function csvCell(text: string): string {
  return /[",\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** The import template in the reader's language: the header and one example row to replace (UTF-8 with BOM). */
export function templateCsv(t: Translate): string {
  const example: Record<(typeof TEMPLATE_COLUMNS)[number], string> = {
    uscc: t('import.example.uscc'),
    name: t('import.example.name'),
    region: t('import.example.region'),
    size: t('import.example.size'),
    chain: t('import.example.chain'),
    chainRole: t('import.example.chainRole'),
    tags: t('import.example.tags'),
    contactName: t('import.example.contactName'),
    contactPhone: '0635-8231234',
  };
  const header = TEMPLATE_COLUMNS.map((column) => csvCell(t(`import.col.${column}`)));
  const row = TEMPLATE_COLUMNS.map((column) => csvCell(example[column]));
  return `\uFEFF${header.join(',')}\r\n${row.join(',')}\r\n`;
}
