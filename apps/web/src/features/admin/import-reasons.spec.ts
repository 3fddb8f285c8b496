import { translate } from '../../i18n/i18n';
import { importReason } from './import-reasons';

describe('the reasons of rejected import rows, as a person reads them', () => {
  const zh = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>): string =>
    translate('zh-CN', key, vars);

  it('names the unknown chain or region in Chinese', () => {
    expect(importReason('no industrial chain is named "不存在的产业链"', zh)).toBe(
      '没有名为“不存在的产业链”的产业链。',
    );
    expect(importReason('no region is named "火星区"', zh)).toBe('没有名为“火星区”的地区。');
    expect(importReason('2 regions are named "市辖区" (370101, 371501): write its code', zh)).toBe(
      '有 2 个地区名为“市辖区”（370101, 371501），请填写六位地区代码。',
    );
  });

  it('leaves a reason it does not know as the API wrote it', () => {
    expect(importReason('something new', zh)).toBe('something new');
  });
});
