import { DomainError, PASSWORD_MIN_LENGTH, brokenPasswordRule } from '@unblock/domain';
import { dictionary } from '@zxcvbn-ts/language-common';
import { randomInt } from 'node:crypto';

/** The common-password list of zxcvbn-ts (the most frequent leaked passwords), lower case, read at first use. */
let common: ReadonlySet<string> | undefined;

function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/** True when the password (in any case) is on the common-password list. */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

const MESSAGES = {
  too_short: `must be at least ${PASSWORD_MIN_LENGTH} characters long`,
  too_long: 'must be at most 200 characters long',
  contains_email: 'must not contain the name of the email (the part before @)',
  common: 'is one of the most common leaked passwords; choose another',
} as const;

/**
 * The password policy of every account, wherever a password is set (a new user, the CLI's admin, a
 * user's own change): at least 12 characters, not on the common-password list, not containing the name of
 * the account's email. A DomainError naming `field` for a password that breaks it.
 */
export function checkPassword(field: string, password: string, email: string | null): void {
  const broken = brokenPasswordRule(password, email) ?? (isCommonPassword(password) ? 'common' : undefined);
  if (broken !== undefined) throw DomainError.invalid(field, MESSAGES[broken]);
}

/** Letters and digits that cannot be mistaken for one another when read out or typed (no 0/O, 1/l/I). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
const ONE_TIME_LENGTH = 16;

/**
 * A one-time password an admin hands to a user: 16 characters from 55 (about 92 bits), drawn with the
 * operating system's CSPRNG, in groups of four for reading out; it complies with the policy.
 */
export function generateOneTimePassword(email: string | null): string {
  for (;;) {
    const chars = Array.from({ length: ONE_TIME_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)] ?? '');
    const password = [0, 4, 8, 12].map((at) => chars.slice(at, at + 4).join('')).join('-');
    if (brokenPasswordRule(password, email) === undefined && !isCommonPassword(password)) return password;
  }
}
