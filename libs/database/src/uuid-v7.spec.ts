import { uuidV7 } from './uuid-v7';

describe('uuidV7', () => {
  it('is a version 7, variant 1 UUID whose first 48 bits are the time in milliseconds', () => {
    const id = uuidV7(0x0123456789ab);
    expect(id).toMatch(/^01234567-89ab-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
  });

  it('grows strictly, within one millisecond too, and never goes back with the clock', () => {
    const now = Date.now() + 60_000;
    const ids = [uuidV7(now), uuidV7(now + 1), ...Array.from({ length: 10_000 }, () => uuidV7(now + 2)), uuidV7(now)];
    for (let i = 1; i < ids.length; i += 1) expect((ids[i] ?? '') > (ids[i - 1] ?? '')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
