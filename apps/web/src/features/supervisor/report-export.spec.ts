import { fileNameOf } from './report-export';

describe('the name a download is saved under', () => {
  it.each([
    [
      `attachment; filename="?????-???-2026-12-07.csv"; filename*=UTF-8''${encodeURIComponent('专项行动汇总-聊城市-2026-12-07.csv')}`,
      '专项行动汇总-聊城市-2026-12-07.csv',
    ],
    ['attachment; filename=cases-2026-12-07.csv', 'cases-2026-12-07.csv'],
    ['attachment; filename="campaign summary \\"all\\".xlsx"', 'campaign summary "all".xlsx'],
  ])('reads %j as the server named it', (disposition, name) => {
    expect(fileNameOf(disposition)).toBe(name);
  });

  it.each([[null], ['attachment'], ["attachment; filename*=UTF-8''%E0%A4%A"]])('has no name in %j', (disposition) => {
    expect(fileNameOf(disposition)).toBeUndefined();
  });
});
