import { checkHeader } from '@unblock/imports';
import { templateCsv } from '../../apps/web/src/features/admin/import-template';
import { translate } from '../../apps/web/src/i18n/i18n';

/** The console's downloadable template is a file the enterprise import takes, in either language. */
describe('the enterprise import template', () => {
  it.each(['zh-CN', 'en'] as const)('in %s names columns the import knows', (locale) => {
    const csv = templateCsv((key, vars) => translate(locale, key, vars));
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
