import type { Language } from '@unblock/domain';
import { wanYuan } from '@unblock/http';
import type { Bulletin, LeagueTable } from '@unblock/reports';
import PDFDocument from 'pdfkit';
import { BULLETIN_WORDS, laggardText } from './bulletin-export';
import { LEAGUE_WORDS, leagueValue, rankChangeText } from './league-export';

export const PDF_TYPE = 'application/pdf';

/** The font the PDF is set in: a file and, in a collection (.ttc), the face's PostScript name. */
export interface PdfFont {
  readonly path: string;
  readonly face: string;
}

/** A league value for print: 万元 for an amount. */
function printed(table: LeagueTable, value: string | null, language: Language): string {
  if (table.indicator === 'signed_amount' && value !== null) {
    return language === 'zh-CN' ? `${wanYuan(value)} 万元` : `${wanYuan(value)} (10k yuan)`;
  }
  return leagueValue(table.indicator, value) || '—';
}

/** The bulletin as an A4 PDF in the reader's language, set in a CJK font. */
export function bulletinPdf(bulletin: Bulletin, language: Language, font: PdfFont): Promise<Buffer> {
  const words = BULLETIN_WORDS[language];
  const league = LEAGUE_WORDS[language];
  const content = bulletin.content;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: words.title(content.regionName, content.day) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (font.path.toLowerCase().endsWith('.ttc')) doc.registerFont('cjk', font.path, font.face);
  else doc.registerFont('cjk', font.path);
  doc.font('cjk');

  doc.fontSize(18).text(words.title(content.regionName, content.day), { align: 'center' });
  doc
    .moveDown(0.3)
    .fontSize(9)
    .fillColor('#555')
    .text(`${words.written}：${content.writtenAt.slice(0, 16).replace('T', ' ')} UTC`, {
      align: 'center',
    });
  doc.fillColor('#000');

  const section = (title: string): void => {
    doc.moveDown(0.8).fontSize(14).text(title);
    doc.moveDown(0.2);
  };
  const tables = (title: string, list: readonly LeagueTable[]): void => {
    if (list.length === 0) return;
    section(title);
    for (const table of list) {
      doc.fontSize(11).text(league.indicators[table.indicator]);
      doc.fontSize(9);
      for (const row of table.rows) {
        doc.text(
          `${row.rank}. ${row.name}    ${printed(table, row.value, language)}    ${rankChangeText(row.rankChange)}`,
          { indent: 12 },
        );
      }
      doc.moveDown(0.4);
    }
  };
  tables(words.regionLeagues, content.regionLeagues);
  tables(words.bankLeagues, content.bankLeagues);

  section(words.cases);
  doc.fontSize(10).text(words.casesCount(content.cases.overdue, content.cases.escalated));
  doc.fontSize(9);
  if (content.cases.cases.length === 0) doc.text(words.noCases, { indent: 12 });
  for (const c of content.cases.cases) {
    const parts = [
      c.number,
      c.enterpriseName,
      c.bankName ?? '',
      c.overdueDays === null ? '' : words.days(c.overdueDays),
      words.level(c.escalationLevel),
    ];
    doc.text(parts.filter((p) => p !== '').join('  '), { indent: 12 });
  }

  section(words.laggards);
  doc.fontSize(9);
  if (content.laggards.length === 0) doc.text(words.noLaggards, { indent: 12 });
  for (const l of content.laggards) doc.text(laggardText(l, language), { indent: 12 });
  doc.end();
  return done;
}
