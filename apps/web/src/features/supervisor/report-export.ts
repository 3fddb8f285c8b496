import type { ApiClient } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { operations } from '../../api/schema';
import type { Locale } from '../../lib/money';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export type ExportFormat = 'csv' | 'xlsx';
export type ReportName = 'summary' | 'chains' | 'banks';
export interface ReportQuery {
  campaignId?: string;
  regionCode?: string;
  from?: string;
  to?: string;
}

/**
 * The file name the API gave: RFC 5987's UTF-8 `filename*` when there is one (专项行动汇总-聊城市-2026-12-07.csv),
 * else the plain `filename` (an ASCII name such as cases-2026-12-07.csv, quoted or not; RFC 6266).
 */
export function fileNameOf(disposition: string | null): string | undefined {
  const extended = /filename\*=UTF-8''([^;]+)/iu.exec(disposition ?? '');
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      return undefined;
    }
  }
  const plain = /(?:^|;)\s*filename=(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/iu.exec(disposition ?? '');
  const name = plain?.[1]?.replace(/\\(.)/gu, '$1') ?? plain?.[2];
  return name || undefined;
}

/**
 * One report as a file: the same GET as the dashboard with `Accept: text/csv` or the .xlsx type (the
 * client adds the bearer token and refreshes it), in the console's language, saved through a temporary link.
 */
export async function downloadReport(
  api: ApiClient,
  report: ReportName,
  format: ExportFormat,
  query: ReportQuery,
  locale: Locale,
): Promise<void> {
  const accept = format === 'csv' ? 'text/csv' : XLSX_TYPE;
  const { data, error, response } = await api.GET(`/api/v1/reports/${report}`, {
    params: { query },
    headers: { Accept: accept, 'Accept-Language': locale },
    parseAs: 'blob',
  });
  saveAnswer({ data, error, response }, `${report}.${format}`);
}

/** An answer's file saved through a temporary link, under the name the API gave (else `fallback`). */
export function saveAnswer(
  { data, error, response }: { data?: unknown; error?: unknown; response: Response },
  fallback: string,
): void {
  if (!response.ok || !(data instanceof Blob)) throw ApiProblem.from(response.status, error);
  const url = URL.createObjectURL(data);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileNameOf(response.headers.get('content-disposition')) ?? fallback;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

/**
 * The cases a search shows as a CSV file: the same `GET /cases` with its filters, order and as many rows as
 * are shown (the API's page holds at most 200), answered in the console's language with names and Shanghai
 * times.
 */
export async function downloadCases(
  api: ApiClient,
  query: NonNullable<operations['CasesController_list']['parameters']['query']>,
  locale: Locale,
): Promise<void> {
  const answer = await api.GET('/api/v1/cases', {
    params: { query },
    headers: { Accept: 'text/csv', 'Accept-Language': locale },
    parseAs: 'blob',
  });
  saveAnswer(answer, 'cases.csv');
}

export const PDF_TYPE = 'application/pdf';

/** A daily bulletin as an Excel or PDF file, in the console's language. */
export async function downloadBulletin(
  api: ApiClient,
  id: string,
  format: 'xlsx' | 'pdf',
  locale: Locale,
): Promise<void> {
  const answer = await api.GET('/api/v1/bulletins/{id}', {
    params: { path: { id } },
    headers: { Accept: format === 'pdf' ? PDF_TYPE : XLSX_TYPE, 'Accept-Language': locale },
    parseAs: 'blob',
  });
  saveAnswer(answer, `bulletin.${format}`);
}
