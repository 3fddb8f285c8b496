import { isWellFormedText, unsafeInput } from './unsafe-input';

describe('unsafeInput', () => {
  it('names the field whose text holds a lone surrogate, at any depth', () => {
    expect(unsafeInput({ email: '\ud800@x.cn' }, 'body')?.field).toBe('email');
    expect(unsafeInput({ contracts: [{ contractNo: 'a' }, { contractNo: 'b\udfff' }] }, 'body')?.field).toBe(
      'contracts.1.contractNo',
    );
    expect(unsafeInput('\udc00', 'id')?.field).toBe('id');
  });

  it('names the object holding a key with a lone surrogate', () => {
    expect(unsafeInput({ '\ud800': 1 }, 'body')?.field).toBe('body');
    expect(unsafeInput({ a: { '\ud800': 1 } }, 'body')?.field).toBe('a');
  });

  it("names keys that are a prototype or Object.prototype's members", () => {
    for (const key of ['__proto__', 'constructor', 'prototype', 'valueOf', 'toString', 'hasOwnProperty']) {
      const value: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      value[key] = '1';
      expect(unsafeInput({ nested: value }, 'query')?.field).toBe(`nested.${key}`);
    }
  });

  it('takes well-formed text, pairs beyond the Basic Multilingual Plane included', () => {
    expect(unsafeInput({ name: '𠀋银行 😀', tags: ['a', 'b'], n: 1, ok: true, none: null }, 'body')).toBeUndefined();
    expect(isWellFormedText('😀')).toBe(true);
    expect(isWellFormedText('😀'.slice(0, 1))).toBe(false);
  });
});
