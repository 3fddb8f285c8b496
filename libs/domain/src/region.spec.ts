import {
  isRegionCode,
  isValidRegionParent,
  isWithinRegion,
  regionCodeRange,
  regionLevel,
  regionScopePrefix,
} from './region';

describe('region scoping (GB/T 2260)', () => {
  it('recognizes six-digit codes only', () => {
    expect(isRegionCode('410000')).toBe(true);
    expect(isRegionCode('371500')).toBe(true);
    expect(isRegionCode('41000')).toBe(false);
    expect(isRegionCode('4100000')).toBe(false);
    expect(isRegionCode('41000a')).toBe(false);
    expect(isRegionCode('010000')).toBe(false);
  });

  it('derives the prefix every descendant shares', () => {
    expect(regionScopePrefix('410000')).toBe('41');
    expect(regionScopePrefix('371500')).toBe('3715');
    expect(regionScopePrefix('371502')).toBe('371502');
    expect(regionLevel('410000')).toBe('province');
    expect(regionLevel('371500')).toBe('city');
    expect(regionLevel('371502')).toBe('county');
  });

  it('a province covers its cities and counties, a city its counties, a county itself', () => {
    expect(isWithinRegion('410000', '410000')).toBe(true);
    expect(isWithinRegion('410100', '410000')).toBe(true);
    expect(isWithinRegion('410102', '410000')).toBe(true);
    expect(isWithinRegion('419001', '410000')).toBe(true);
    expect(isWithinRegion('371502', '371500')).toBe(true);
    expect(isWithinRegion('371502', '371502')).toBe(true);
  });

  it('covers nothing outside', () => {
    expect(isWithinRegion('420000', '410000')).toBe(false);
    expect(isWithinRegion('371600', '371500')).toBe(false);
    expect(isWithinRegion('371500', '371502')).toBe(false);
    expect(isWithinRegion('410000', '410100')).toBe(false);
    expect(isWithinRegion('not-a-code', '410000')).toBe(false);
  });

  it('accepts a parent only one or more levels up that covers the child', () => {
    expect(isValidRegionParent('371500', '370000')).toBe(true);
    expect(isValidRegionParent('371502', '371500')).toBe(true);
    expect(isValidRegionParent('419001', '410000')).toBe(true);
    expect(isValidRegionParent('371500', '410000')).toBe(false);
    expect(isValidRegionParent('370000', '370000')).toBe(false);
    expect(isValidRegionParent('370000', '371500')).toBe(false);
  });
});

describe('region code range', () => {
  it('spans exactly the descendants', () => {
    expect(regionCodeRange('410000')).toEqual(['410000', '419999']);
    expect(regionCodeRange('371500')).toEqual(['371500', '371599']);
    expect(regionCodeRange('371502')).toEqual(['371502', '371502']);
  });
});
