import { checkPassword } from '@jixiao/domain/accounts/password-policy';
import { randomInt } from 'node:crypto';

// No look-alikes (0/O, 1/l/I), so that it can be read out over the phone.
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '#%+=@$';
const LENGTH = 12;

/** 一次性密码: 12 random characters of all four classes (it passes the password policy); shown once, stored only hashed. */
export function generateOneTimePassword(username: string): string {
  for (;;) {
    const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
    const all = LOWER + UPPER + DIGITS + SYMBOLS;
    while (chars.length < LENGTH) chars.push(pick(all));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
    const password = chars.join('');
    if (checkPassword(password, { username }).ok) return password;
  }
}

function pick(alphabet: string): string {
  return alphabet[randomInt(alphabet.length)]!;
}
