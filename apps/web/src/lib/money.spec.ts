import { exactYuan, fenToDecimal, formatMoney, moneyPreview, parseMoneyInput, toFen } from './money';

describe('money, exact from the API decimal strings', () => {
  it('shows yuan with thousands separators in English', () => {
    expect(formatMoney('31450000000.00', 'en')).toBe('¥31,450,000,000.00');
    expect(formatMoney('1234.5', 'en')).toBe('¥1,234.50');
    expect(formatMoney('0.00', 'en')).toBe('¥0.00');
    expect(exactYuan('-1000000.01')).toBe('-¥1,000,000.01');
  });

  it('shows 元, 万 and 亿 in Chinese, rounding half up on the digits (no float anywhere)', () => {
    expect(formatMoney('9999.99', 'zh-CN')).toBe('9,999.99元');
    expect(formatMoney('5000.00', 'zh-CN')).toBe('5,000元');
    expect(formatMoney('10000.00', 'zh-CN')).toBe('1万元');
    expect(formatMoney('12500000.00', 'zh-CN')).toBe('1,250万元');
    expect(formatMoney('12345678.90', 'zh-CN')).toBe('1,234.57万元');
    expect(formatMoney('31450000000.00', 'zh-CN')).toBe('314.5亿元');
    expect(formatMoney('100000000.00', 'zh-CN')).toBe('1亿元');
    // 0.1 + 0.2 style traps: 9007199254740993.01 is beyond a double's exact integers.
    expect(formatMoney('9007199254740993.01', 'en')).toBe('¥9,007,199,254,740,993.01');
    expect(formatMoney('9007199254740993.01', 'zh-CN')).toBe('90,071,992.55亿元');
  });

  it('reads nothing at all in the unit of its neighbours, never as 0.00元', () => {
    expect(formatMoney('0.00', 'zh-CN')).toBe('0万元');
    expect(formatMoney('0', 'zh-CN')).toBe('0万元');
    expect(formatMoney('0.00', 'zh-CN')).not.toMatch(/0\.00/u);
  });

  it('leaves a value that is not a decimal as it came', () => {
    expect(formatMoney('n/a', 'zh-CN')).toBe('n/a');
  });

  it('converts between decimal strings and integer fen', () => {
    expect(toFen('1234.5')).toBe(123450n);
    expect(toFen('0.07')).toBe(7n);
    expect(toFen('1.234')).toBeUndefined();
    expect(fenToDecimal(7n)).toBe('0.07');
  });

  it('reads what a person types as an exact decimal with at most two places', () => {
    expect(parseMoneyInput('1,250,000.5')).toEqual({ ok: true, value: '1250000.50' });
    expect(parseMoneyInput(' 3000 ')).toEqual({ ok: true, value: '3000.00' });
    expect(parseMoneyInput('¥1 000，000元')).toEqual({ ok: true, value: '1000000.00' });
    expect(parseMoneyInput('0.1')).toEqual({ ok: true, value: '0.10' });
    expect(parseMoneyInput('')).toEqual({ ok: false, error: 'required' });
    expect(parseMoneyInput('12.345')).toEqual({ ok: false, error: 'tooManyDecimals' });
    expect(parseMoneyInput('1e6')).toEqual({ ok: false, error: 'invalid' });
    expect(parseMoneyInput('-5')).toEqual({ ok: false, error: 'invalid' });
    expect(parseMoneyInput('0.00')).toEqual({ ok: false, error: 'notPositive' });
    expect(parseMoneyInput('12345678901234567')).toEqual({ ok: false, error: 'tooLarge' });
    expect(parseMoneyInput('1234567890123456.99')).toEqual({ ok: true, value: '1234567890123456.99' });
  });
});

describe('amounts typed with 万 and 亿, and their live preview', () => {
  it('reads 800万, 800 万元, 8,000,000 and 800.5万 as exact yuan', () => {
    expect(parseMoneyInput('800万')).toEqual({ ok: true, value: '8000000.00' });
    expect(parseMoneyInput('800 万元')).toEqual({ ok: true, value: '8000000.00' });
    expect(parseMoneyInput('8,000,000')).toEqual({ ok: true, value: '8000000.00' });
    expect(parseMoneyInput('800.5万')).toEqual({ ok: true, value: '8005000.00' });
    expect(parseMoneyInput('0万')).toEqual({ ok: false, error: 'notPositive' });
    expect(parseMoneyInput('99999999999亿')).toEqual({ ok: false, error: 'tooLarge' });
  });

  it('previews the exact yuan and the 万元 while typing', () => {
    expect(moneyPreview('800万', 'zh-CN')).toBe('= 8,000,000.00 元 / 800 万元');
    expect(moneyPreview('800.5万', 'en')).toBe('= ¥8,005,000.00 (800.5 万元)');
    expect(moneyPreview('3000', 'zh-CN')).toBe('= 3,000.00 元');
    expect(moneyPreview('8百', 'zh-CN')).toBeUndefined();
  });
});
