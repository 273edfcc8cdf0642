import { hashSync } from 'bcryptjs';
import { scryptSync } from 'node:crypto';
import { dummyHash, hashPassword, needsRehash, parseScryptHash, SCRYPT_PARAMS, verifyPassword } from './password.util';

describe('password hashes (scrypt, bcrypt of before)', () => {
  it('hashes with scrypt in a self-describing form, salted afresh every time', async () => {
    const a = await hashPassword('jixiao-demo');
    const b = await hashPassword('jixiao-demo');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThanOrEqual(100); // users.password_hash is varchar(100)
    const parsed = parseScryptHash(a)!;
    expect({ N: parsed.N, r: parsed.r, p: parsed.p, salt: parsed.salt.length, key: parsed.key.length }).toEqual({ ...SCRYPT_PARAMS, salt: 16, key: 32 });
    // the stored key is scrypt of the password with the stored salt, as any scrypt implementation computes it
    expect(scryptSync('jixiao-demo', parsed.salt, 32, { N: 16384, r: 8, p: 1 }).equals(parsed.key)).toBe(true);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('Correct-horse-9');
    expect(await verifyPassword('Correct-horse-9', stored)).toBe(true);
    expect(await verifyPassword('correct-horse-9', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('verifies a hash made with other scrypt parameters (they are read from the hash) and asks to rehash it', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('older', salt, 32, { N: 1024, r: 8, p: 1 });
    const stored = `scrypt$1024$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(await verifyPassword('older', stored)).toBe(true);
    expect(await verifyPassword('other', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(true);
  });

  it('verifies the bcrypt hashes of before, and asks to replace them', async () => {
    const legacy = hashSync('jixiao-demo', 4);
    expect(legacy).toMatch(/^\$2[aby]\$04\$/);
    expect(await verifyPassword('jixiao-demo', legacy)).toBe(true);
    expect(await verifyPassword('jixiao-dem0', legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);
    expect(needsRehash(await hashPassword('jixiao-demo'))).toBe(false);
  });

  it('refuses every password against a malformed or unknown hash, without throwing', async () => {
    for (const stored of ['', 'plain-text', 'scrypt$16384$8$1$$', 'scrypt$1000$8$1$c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5', 'scrypt$x$8$1$c2FsdA==$a2V5', '$2b$10$short', 'md5$abc']) {
      expect(await verifyPassword('anything', stored)).toBe(false);
      expect(needsRehash(stored)).toBe(true);
    }
  });

  it('keeps one dummy hash of today’s parameters for unknown users', async () => {
    const dummy = await dummyHash();
    expect(dummy).toBe(await dummyHash());
    expect(needsRehash(dummy)).toBe(false);
    expect(await verifyPassword('jixiao-demo', dummy)).toBe(false);
  });
});
