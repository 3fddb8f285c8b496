import { MAX_JSON_DEPTH, jsonNestsDeeper } from './json-body-parser';

describe('jsonNestsDeeper', () => {
  it('counts arrays and objects, and stops at the limit', () => {
    expect(jsonNestsDeeper('[[[]]]', 3)).toBe(false);
    expect(jsonNestsDeeper('[[[[]]]]', 3)).toBe(true);
    expect(jsonNestsDeeper('{"a":{"b":[1]}}', 3)).toBe(false);
    expect(jsonNestsDeeper('{"a":{"b":[{}]}}', 3)).toBe(true);
    expect(jsonNestsDeeper(`${'['.repeat(10_000)}${']'.repeat(10_000)}`, MAX_JSON_DEPTH)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeper('{"a":"[[[[{{{{"}', 2)).toBe(false);
    expect(jsonNestsDeeper('{"a":"\\"[[[[\\\\"}', 2)).toBe(false);
    expect(jsonNestsDeeper('["\\\\",[[[]]]]', 3)).toBe(true);
  });

  it('counts siblings once', () => {
    expect(jsonNestsDeeper('[[],[],[],[],[]]', 2)).toBe(false);
  });
});
