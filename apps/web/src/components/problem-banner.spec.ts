import { ApiProblem } from '../api/problem';
import { translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages.en';
import { describeProblem } from './problem-banner';

const zh = (key: MessageKey, vars?: Record<string, string | number>): string => translate('zh-CN', key, vars);

describe('a refused upload, in plain words', () => {
  const file = [{ field: 'file', message: 'is larger than 100 MB, the largest upload taken' }];
  it('says a file is too large, or the quota full, or the file refused, in Chinese', () => {
    expect(describeProblem(new ApiProblem(413, 'Content Too Large', 'file: …', file, {}), zh)).toBe(
      '文件过大，超出了允许上传的大小。',
    );
    expect(describeProblem(new ApiProblem(413, 'Content Too Large', 'file: …', file, { quotaBytes: 1 }), zh)).toMatch(
      /存储上限/u,
    );
    expect(describeProblem(new ApiProblem(422, 'Unprocessable Content', 'file: …', file, {}), zh)).toMatch(/压缩炸弹/u);
  });
});
