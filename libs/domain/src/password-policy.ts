/** The shortest password an account may have. */
export const PASSWORD_MIN_LENGTH = 12;
/** The longest (argon2 takes anything, but a bound keeps a request's hashing bounded). */
export const PASSWORD_MAX_LENGTH = 200;
/** The shortest part of an email before its `@` that a password may not contain (shorter ones are everywhere). */
const EMAIL_NAME_MIN_LENGTH = 3;

/** Why a password breaks the rules that need no list, or undefined: what the console checks before sending. */
export type PasswordRuleBroken = 'too_short' | 'too_long' | 'contains_email';

/**
 * The password rules that need no list of leaked passwords: its length, and not containing the name of
 * the account's email (the part before `@`, in any case). The API checks the common-password list too.
 */
export function brokenPasswordRule(password: string, email: string | null): PasswordRuleBroken | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  const name = (email ?? '').split('@')[0]?.toLowerCase() ?? '';
  if (name.length >= EMAIL_NAME_MIN_LENGTH && password.toLowerCase().includes(name)) return 'contains_email';
  return undefined;
}
