import * as fc from 'fast-check';
import { USCC_ALPHABET, isValidUscc, normalizeUscc, usccCheckCharacter } from './uscc';

const VALID = ['91110000600037341L', '914403001922038216'];

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(VALID)('accepts %s', (code) => {
    expect(isValidUscc(normalizeUscc(code))).toBe(true);
  });

  it.each(VALID)('rejects %s with any one character changed', (code) => {
    let variants = 0;
    for (let i = 0; i < code.length; i += 1) {
      for (const symbol of USCC_ALPHABET) {
        if (symbol === code.charAt(i)) continue;
        const changed = code.slice(0, i) + symbol + code.slice(i + 1);
        expect({ changed, valid: isValidUscc(changed) }).toEqual({ changed, valid: false });
        variants += 1;
      }
    }
    expect(variants).toBe(18 * 30);
  });

  it('rejects symbols outside the alphabet (I, O, S, V, Z) and wrong lengths', () => {
    expect(isValidUscc('91110000600037341')).toBe(false);
    expect(isValidUscc('91110000600037341LL')).toBe(false);
    expect(isValidUscc('9111000060003734IL')).toBe(false);
    expect(isValidUscc('O1110000600037341L')).toBe(false);
    expect(isValidUscc('')).toBe(false);
  });

  it('normalizes lower case, full-width symbols and spaces', () => {
    expect(normalizeUscc('91110000600037341l')).toBe('91110000600037341L');
    expect(normalizeUscc('９１１１００００６０００３７３４１Ｌ')).toBe('91110000600037341L');
    expect(normalizeUscc(' 9111 0000 6000 3734 1l\t')).toBe('91110000600037341L');
    expect(normalizeUscc('９１４４０３００１９２２０３８２１６　')).toBe('914403001922038216');
    expect(isValidUscc(normalizeUscc('９１１１００００６０００３７３４１ｌ'))).toBe(true);
  });

  it('computes a check character that validates any 17 symbols of the alphabet', () => {
    const symbol = fc.constantFrom(...USCC_ALPHABET.split(''));
    fc.assert(
      fc.property(fc.array(symbol, { minLength: 17, maxLength: 17 }), (symbols) => {
        const first17 = symbols.join('');
        const check = usccCheckCharacter(first17);
        expect(check).not.toBeNull();
        expect(isValidUscc(first17 + String(check))).toBe(true);
      }),
    );
  });
});
