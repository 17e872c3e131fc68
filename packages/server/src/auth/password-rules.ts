/**
 * What a new password must be: at least `minLength` characters (at most 256),
 * and not one of the 1000 most common passwords (data/common-passwords.txt,
 * compared ignoring case). Checked when a password is set, never at login, so an
 * old password that breaks a newer rule still logs in.
 */
import { readFileSync } from 'node:fs';
import { ErrorCode, ParleyError } from '@parley/protocol';

const MAX_LENGTH = 256;

let common: ReadonlySet<string> | undefined;

/** The common passwords, lowercase (read once, on first use). */
export function commonPasswords(): ReadonlySet<string> {
  if (!common) {
    const text = readFileSync(new URL('../../data/common-passwords.txt', import.meta.url), 'utf8');
    common = new Set(text.split('\n').map((l) => l.trim().toLowerCase()).filter((l) => l !== ''));
  }
  return common;
}

/** Throws WEAK_PASSWORD (or INVALID_ARGUMENT for a non-string) unless `password` may be set. */
export function checkNewPassword(password: unknown, minLength: number): asserts password is string {
  if (typeof password !== 'string') throw new ParleyError(ErrorCode.INVALID_ARGUMENT, 'password must be a string');
  // Characters as people count them (code points), not UTF-16 units.
  const length = [...password].length;
  if (length < minLength || password.length > MAX_LENGTH) {
    throw new ParleyError(ErrorCode.WEAK_PASSWORD, `password must be ${minLength} to ${MAX_LENGTH} characters`);
  }
  if (commonPasswords().has(password.toLowerCase())) {
    throw new ParleyError(ErrorCode.WEAK_PASSWORD, 'password is one of the most common passwords; choose another');
  }
}
