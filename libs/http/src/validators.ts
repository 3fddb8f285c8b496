import { Transform } from 'class-transformer';
import { Matches, ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';
import {
  CHINESE_PHONE_PATTERN,
  REGION_CODE_PATTERN,
  isMoney,
  isValidUscc,
  normalizePhone,
  normalizeUscc,
} from '@unblock/domain';

/** The largest Postgres `integer` (int4): the upper bound of every integer field stored in such a column. */
export const INT4_MAX = 2_147_483_647;

/** A query string's integer (`"12"`, `"-3"`) as a number; anything else is left for the validator to refuse. */
export const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d{1,16}$/u.test(value) ? Number(value) : value;

/** A query string's `true` or `false` as a boolean; anything else is left for the validator to refuse. */
export const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** A unified social credit code: normalized (NFKC, upper case, no spaces), then checked per GB 32100-2015. */
export function IsUscc(options?: ValidationOptions): PropertyDecorator {
  const normalize = Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? normalizeUscc(value) : value,
  );
  const check = ValidateBy(
    {
      name: 'isUscc',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidUscc(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an 18-character unified social credit code with a valid check character`,
          options,
        ),
      },
    },
    options,
  );
  return (target, key) => {
    normalize(target, key);
    check(target, key);
  };
}

/** A money amount: a decimal string of yuan with at most two decimals, never a number. */
export function IsMoney(options?: ValidationOptions & { positive?: boolean }): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMoney',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && isMoney(value) && (options?.positive !== true || /[1-9]/u.test(value)),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be a decimal string of yuan with at most two decimals (e.g. "1250000.00")` +
            (options?.positive === true ? ', greater than zero' : ''),
          options,
        ),
      },
    },
    options,
  );
}

/** A six-digit GB/T 2260 region code. */
export function IsRegionCode(options?: ValidationOptions): PropertyDecorator {
  return Matches(REGION_CODE_PATTERN, { message: '$property must be a six-digit GB/T 2260 region code', ...options });
}

/** A Chinese mobile or landline number (`CHINESE_PHONE_PATTERN`), normalized first (`normalizePhone`). */
export function IsChinesePhone(options?: ValidationOptions): PropertyDecorator {
  const normalize = Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? normalizePhone(value) : value,
  );
  const check = Matches(CHINESE_PHONE_PATTERN, {
    message: '$property must be a mobile (13812345678) or landline (0635-8231234) number',
    ...options,
  });
  return (target, key) => {
    normalize(target, key);
    check(target, key);
  };
}

/** A list's search text (`q`): 1 to 100 characters, matched anywhere in the names the list searches. */
export function IsSearchText(options?: ValidationOptions): PropertyDecorator {
  return Matches(/^(?!\s*$)[^\p{Cc}]{1,100}$/u, {
    message: '$property must be 1 to 100 characters of search text',
    ...options,
  });
}
