import { compare as bcryptCompare } from 'bcryptjs';
import { randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';

/**
 * Password hashes: scrypt from node:crypto, which runs in libuv's threadpool, so that logins in flight
 * never hold up other requests on the API's main thread (bcryptjs, pure JavaScript, did: see
 * bench/README.md). The stored form describes itself — `scrypt$N$r$p$salt$hash`, salt and hash in
 * base64 — so the parameters can be raised later and older hashes still verify. Hashes of the bcrypt
 * era (`$2a$` / `$2b$` / `$2y$`) still verify, and `needsRehash` tells the login to replace them.
 */
// 16 MiB and about 100 ms on one thread of this project's machine, a bcrypt cost 10's time; raise N here
// and every login with an older hash upgrades it (needsRehash)
export const SCRYPT_PARAMS = { N: 2 ** 14, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const PREFIX = 'scrypt';

interface ScryptHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function derive(plain: string, salt: Buffer, { N, r, p }: Pick<ScryptHash, 'N' | 'r' | 'p'>, keyLength: number): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r }; // scrypt needs 128·N·r bytes; Node's default cap is 32 MiB
  return new Promise((resolve, reject) => scrypt(plain.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** A fresh scrypt hash of the password, in the self-describing form. */
export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(plain, salt, SCRYPT_PARAMS, KEY_BYTES);
  return [PREFIX, SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** The parts of a stored scrypt hash, or null when it is not one (or is malformed). */
export function parseScryptHash(stored: string): ScryptHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX) return null;
  const [N, r, p] = parts.slice(1, 4).map((n) => (/^\d{1,10}$/.test(n!) ? Number(n) : NaN));
  const salt = Buffer.from(parts[4]!, 'base64');
  const key = Buffer.from(parts[5]!, 'base64');
  const sane = N! >= 2 && (N! & (N! - 1)) === 0 && N! <= 2 ** 17 && r! >= 1 && r! <= 32 && p! >= 1 && p! <= 16;
  if (!sane || salt.length === 0 || key.length < 16) return null;
  return { N: N!, r: r!, p: p!, salt, key };
}

function isBcryptHash(stored: string): boolean {
  return /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/.test(stored);
}

/** True when the password matches the stored hash (scrypt, or bcrypt of before); false for a wrong password or an unknown form. */
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const parsed = parseScryptHash(stored);
  if (parsed !== null) {
    const key = await derive(plain, parsed.salt, parsed, parsed.key.length);
    return timingSafeEqual(key, parsed.key);
  }
  if (isBcryptHash(stored)) return bcryptCompare(plain, stored);
  return false;
}

/** True when a stored hash is not scrypt with today's parameters: the next successful login replaces it. */
export function needsRehash(stored: string): boolean {
  const parsed = parseScryptHash(stored);
  return parsed === null || parsed.N !== SCRYPT_PARAMS.N || parsed.r !== SCRYPT_PARAMS.r || parsed.p !== SCRYPT_PARAMS.p || parsed.key.length !== KEY_BYTES;
}

let dummy: Promise<string> | null = null;

/**
 * A hash of a random password with today's parameters, made once: an unknown user name is checked
 * against it, so that a login for a user who does not exist takes as long as a wrong password.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(12).toString('base64'));
  return dummy;
}
