import { AppConfig } from '@unblock/config';
import { Workbook } from 'exceljs';
import { fromBuffer, type ZipFile } from 'yauzl';
import type { FileRecord } from './file-record';
import { WorkbookLimitError } from './workbook-archive';
import { xlsxRecords } from './xlsx-records';

const limits = AppConfig.from({
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/unblock',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'x'.repeat(32),
}).xlsx;

function open(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    fromBuffer(buffer, { lazyEntries: true, autoClose: false }, (error, zip) => (error ? reject(error) : resolve(zip))),
  );
}

async function rows(buffer: Buffer, options = limits): Promise<FileRecord[]> {
  const zip = await open(buffer);
  const out: FileRecord[] = [];
  try {
    for await (const record of xlsxRecords(zip, options)) out.push(record);
  } finally {
    zip.close();
  }
  return out;
}

describe('xlsx records', () => {
  it('reads the first sheet as exceljs wrote it: strings, numbers, dates, booleans, rich text, formulas, gaps', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('visits');
    sheet.addRow(['enterpriseUscc', 'visitedOn', 'kind', 'summary', 'count']);
    sheet.addRow(['91410100MA0000001X', new Date(Date.UTC(2026, 4, 10)), 'follow_up', ' 走访, 诊断 ', 3]);
    sheet.addRow([]);
    const row = sheet.addRow(['91410100MA0000002X', '2026-05-11', true, null, 2.5]);
    row.getCell(4).value = { richText: [{ text: '富' }, { text: '文本', font: { bold: true } }] };
    sheet.addRow(['x', null, null, null, { formula: '1+1', result: 2 }]);
    workbook.addWorksheet('second').addRow(['not read']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

    expect(await rows(buffer)).toEqual([
      { row: 1, cells: ['enterpriseUscc', 'visitedOn', 'kind', 'summary', 'count'] },
      { row: 2, cells: ['91410100MA0000001X', '2026-05-10', 'follow_up', '走访, 诊断', '3'] },
      { row: 4, cells: ['91410100MA0000002X', '2026-05-11', 'true', '富文本', '2.5'] },
      { row: 5, cells: ['x', '', '', '', '2'] },
    ]);
  });

  it('stops at the caps on shared strings and cells', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('s');
    for (let i = 0; i < 20; i += 1) sheet.addRow([`text ${i}`, `more ${i}`]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    await expect(rows(buffer, { ...limits, maxSharedStrings: 10 })).rejects.toThrow(WorkbookLimitError);
    await expect(rows(buffer, { ...limits, maxSharedStringChars: 50 })).rejects.toThrow(/characters/u);
    await expect(rows(buffer, { ...limits, maxCells: 30 })).rejects.toThrow(/more than 30 cells/u);
    await expect(rows(buffer, { ...limits, maxInflatedBytes: 2000 })).rejects.toThrow(/inflates to more than/u);
  });
});
