import { rawTextIn } from './support/raw-text';

describe('rawTextIn, behind expectNoRawText', () => {
  it("finds UUIDs and the catalogues' dotted keys", () => {
    expect(rawTextIn('需求 3f2b8c1e-9a4d-4e21-8f00-1c2d3e4f5a6b 已认领')).toEqual([
      '3f2b8c1e-9a4d-4e21-8f00-1c2d3e4f5a6b',
    ]);
    expect(rawTextIn('2026年12月7日 milestone.contacted · 李经理')).toEqual(['milestone.contacted']);
    expect(rawTextIn('status.loan_signed and case.title')).toEqual(['status.loan_signed', 'case.title']);
  });

  it('lets names, amounts, times, emails and addresses through', () => {
    expect(
      rawTextIn('郑州银行（主办行）¥12,505,000.00 2026年12月7日 13:17 manager@demo.unblock 0635-8231234 v1.2 3.45%'),
    ).toEqual([]);
  });
});
