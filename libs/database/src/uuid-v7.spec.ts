import { uuidV7 } from './uuid-v7';

describe('uuidV7', () => {
  it('is a version 7, variant 1 UUID whose first 48 bits are the time in milliseconds', () => {
    const id = uuidV7(0x0123456789ab);
    expect(id).toMatch(/^01234567-89ab-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
  });

  it('orders by time and does not repeat', () => {
    const ids = [uuidV7(1_000), uuidV7(2_000), uuidV7(3_000)];
    expect([...ids].sort()).toEqual(ids);
    const many = new Set(Array.from({ length: 100_000 }, () => uuidV7(5_000)));
    expect(many.size).toBe(100_000);
  });
});
