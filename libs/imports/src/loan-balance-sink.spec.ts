import { monthOfText } from './loan-balance-sink';

describe('a balance report’s month as people write it', () => {
  it.each([
    ['2025-06', '2025-06'],
    ['2025/6', '2025-06'],
    ['2025.06', '2025-06'],
    ['2025年6月', '2025-06'],
    ['202506', '2025-06'],
    ['2025-06-30', '2025-06'],
    [' 2025-12 ', '2025-12'],
  ])('%s is %s', (text, month) => {
    expect(monthOfText(text)).toBe(month);
  });

  it.each(['2025-13', '2025-00', '25-06', 'June 2025', ''])('%s is not a month', (text) => {
    expect(monthOfText(text)).toBeNull();
  });
});
