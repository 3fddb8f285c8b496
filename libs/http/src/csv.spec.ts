import { csvCell, toCsv } from './csv';

describe('CSV cells', () => {
  it.each([
    ['-1+1', `'-1+1`],
    ['=HYPERLINK("http://x.example","y")', `"'=HYPERLINK(""http://x.example"",""y"")"`],
    ['@SUM(1)', `'@SUM(1)`],
    ['+1', `'+1`],
    ['-1', `'-1`],
    ['\tx', `'\tx`],
    ['\rx', `"'\rx"`],
    ['郑州银行', '郑州银行'],
    ['a=b', 'a=b'],
  ])('escapes text that begins like a formula: %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes numbers, booleans and bigints as they are, negative ones too', () => {
    expect([csvCell(-3), csvCell(-0.5), csvCell(-12n), csvCell(false), csvCell(null)]).toEqual([
      '-3',
      '-0.5',
      '-12',
      'false',
      '',
    ]);
  });

  it('escapes every text column of a table, the header too', () => {
    expect(toCsv([{ '=name': '@SUM(1)', delta: -2 }])).toBe(`\uFEFF'=name,delta\r\n'@SUM(1),-2\r\n`);
  });
});
