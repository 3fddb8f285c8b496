import { exportLanguage } from './csv-format';

describe('the language of an export', () => {
  it.each([
    ['en', 'en'],
    ['en-US', 'en'],
    ['en-GB,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['zh-CN;q=0.5,en;q=0.9', 'en'],
    ['zh;q=0.1, en', 'en'],
  ] as const)('speaks English to %j', (header, language) => {
    expect(exportLanguage(header)).toBe(language);
  });

  it.each([
    ['zh', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['*', 'zh-CN'],
    ['fr-FR', 'zh-CN'],
    ['en;q=0', 'zh-CN'],
    [';;q=x,,', 'zh-CN'],
  ] as const)('speaks Chinese to %j', (header, language) => {
    expect(exportLanguage(header)).toBe(language);
  });
});
