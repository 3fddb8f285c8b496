import { checkHeader } from '@unblock/imports';
import { templateCsv } from '../../apps/web/src/features/admin/import-template';
import { en, type MessageKey } from '../../apps/web/src/i18n/messages.en';
import { zhCN } from '../../apps/web/src/i18n/messages.zh-cn';

/** The console's downloadable template is a file the enterprise import takes, in either language. */
describe('the enterprise import template', () => {
  it.each(['zh-CN', 'en'] as const)('in %s names columns the import knows', (locale) => {
    const messages = locale === 'en' ? en : zhCN;
    const csv = templateCsv((key: MessageKey) => messages[key]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header = '', example = ''] = csv.slice(1).split('\r\n');
    const columns = checkHeader('enterprises', header.split(','));
    expect([...columns.keys()]).toEqual([
      'uscc',
      'name',
      'region',
      'size',
      'chain',
      'chainRole',
      'tags',
      'contactName',
      'contactPhone',
    ]);
    expect(example.split(',')).toHaveLength(9);
  });
});
