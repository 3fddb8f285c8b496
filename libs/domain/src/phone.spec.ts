import { CHINESE_PHONE_PATTERN, normalizePhone } from './reference';

describe('Chinese phone numbers', () => {
  it.each(['13812345678', '+86 138 1234 5678', '０６３５-８２３１２３４', '010 12345678', '0635-8231234-801'])(
    'takes %s',
    (typed) => expect(CHINESE_PHONE_PATTERN.test(normalizePhone(typed))).toBe(true),
  );
  it.each(['12345678901', '1381234567', '8231234', 'phone', '0635-82312'])('refuses %s', (typed) =>
    expect(CHINESE_PHONE_PATTERN.test(normalizePhone(typed))).toBe(false),
  );
  it('keeps a mobile as its eleven digits', () => expect(normalizePhone('+86 138-1234-5678')).toBe('13812345678'));
});
