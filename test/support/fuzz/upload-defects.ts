import fc from 'fast-check';
import type { Defect } from './fuzz-requests';

/**
 * What an import's upload can do wrong that the upload itself refuses (a row's bad values are the import's
 * rejected rows, found later by the worker): `valid` is a valid upload of the operation's kind.
 */
export function uploadDefects(valid: string): fc.Arbitrary<Defect>[] {
  const [header = '', row = ''] = valid.split('\n');
  const csv = (raw: string, label: string): Defect => ({
    label,
    apply: (p) => ({ ...p, raw, contentType: 'text/csv' }),
  });
  return [
    fc.constantFrom(
      csv('', 'an empty file'),
      csv('\uFEFF', 'a file of a byte-order mark'),
      csv(`nothing,useful\n1,2\n`, 'a header without the required columns'),
      csv(`${header}\n${row}x"y\n`, 'a stray quote in row 2'),
      csv(`${header}\n"${row}\n`, 'an unclosed quote in row 2'),
      csv(`${header.replace(',', '"",')}\n${row}\n`, 'a quote in the header'),
      { label: 'a JSON body', apply: (p) => ({ ...p, raw: '{}', contentType: 'application/json' }) },
      { label: 'a text/plain body', apply: (p) => ({ ...p, raw: valid, contentType: 'text/plain' }) },
      { label: 'a PDF', apply: (p) => ({ ...p, raw: '%PDF-1.7\n', contentType: 'application/pdf' }) },
      {
        label: 'a broken workbook',
        apply: (p) => ({
          ...p,
          raw: 'PK\u0003\u0004garbage',
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        }),
      },
      {
        label: 'a multipart body without its closing boundary',
        apply: (p) => ({
          ...p,
          raw: `--b\r\ncontent-disposition: form-data; name="file"; filename="v.csv"\r\n\r\n${valid}`,
          contentType: 'multipart/form-data; boundary=b',
        }),
      },
      {
        label: 'a multipart part not named file',
        apply: (p) => ({
          ...p,
          raw: `--b\r\ncontent-disposition: form-data; name="upload"; filename="v.csv"\r\n\r\n${valid}\r\n--b--\r\n`,
          contentType: 'multipart/form-data; boundary=b',
        }),
      },
    ),
  ];
}
