import { hashSync } from 'bcryptjs';
import type { AuditService } from '../../audit/audit.service';
import type { Tx } from '../../core/database/persistence';
import type { Transactions } from '../../core/database/transactions';
import type { UserEntity } from '../entities/user.entity';
import type { UserRepository } from '../persistence/user.repository';
import { AuthService } from './auth.service';
import type { LoginThrottleService } from './login-throttle.service';
import { hashPassword, needsRehash, verifyPassword } from './password.util';
import type { SessionService } from './session.service';

const CLIENT = { ip: '127.0.0.1', userAgent: null };

/** AuthService over an in-memory user: what a login writes, and in which transaction. */
function setUp(passwordHash: string) {
  const user = {
    id: 'u-1', username: 'hanyin.editor', displayName: '张三', passwordHash, role: 'unit_editor', organizationId: null, organization: null,
    active: true, mustChangePassword: false, tokenVersion: 3, passwordChangedAt: null, lastLoginAt: null,
  } as unknown as UserEntity;
  const tx = { name: 'login transaction' } as unknown as Tx;
  const writes: string[] = [];
  const users = {
    findForLogin: async (name: string) => (name === user.username ? { ...user } : null),
    touchLogin: async (_id: string, inTx?: Tx) => void writes.push(`touch in ${inTx === tx ? 'tx' : 'no tx'}`),
    upgradeHash: async (inTx: Tx, id: string, previous: string, next: string) => {
      writes.push(`upgrade in ${inTx === tx ? 'tx' : 'no tx'}`);
      if (id !== user.id || previous !== user.passwordHash) return false;
      user.passwordHash = next;
      return true;
    },
  } as unknown as UserRepository;
  const throttle = { assertMayTry: async () => undefined, forgetAccount: async () => undefined, failed: async () => ({ remaining: 4, accountLockedUntil: null, addressLockedUntil: null }) } as unknown as LoginThrottleService;
  const sessions = {
    open: async (inTx: Tx, u: UserEntity) => {
      writes.push(`session in ${inTx === tx ? 'tx' : 'no tx'}`);
      return { accessToken: `token-${u.id}-${u.tokenVersion}`, expiresIn: 900, refreshToken: 'r', refreshExpiresIn: 43200, user: {} };
    },
  } as unknown as SessionService;
  const transactions = { run: <T>(work: (t: Tx) => Promise<T>) => work(tx) } as unknown as Transactions;
  const audit = { record: async () => undefined } as unknown as AuditService;
  return { service: new AuthService(users, sessions, throttle, transactions, audit), user, writes };
}

describe('AuthService.login and the password hash', () => {
  it('upgrades a bcrypt hash to scrypt at a successful login, in the login transaction, keeping the sessions', async () => {
    const legacy = hashSync('jixiao-demo', 4);
    const { service, user, writes } = setUp(legacy);
    const answer = await service.login('hanyin.editor', 'jixiao-demo', CLIENT);
    expect(answer.accessToken).toBe('token-u-1-3'); // token version untouched: other sessions keep working
    expect(writes).toEqual(['touch in tx', 'upgrade in tx', 'session in tx']);
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(needsRehash(user.passwordHash)).toBe(false);
    expect(await verifyPassword('jixiao-demo', user.passwordHash)).toBe(true);
  });

  it('leaves a scrypt hash of today’s parameters as it is', async () => {
    const current = await hashPassword('jixiao-demo');
    const { service, user, writes } = setUp(current);
    await service.login('hanyin.editor', 'jixiao-demo', CLIENT);
    expect(writes).toEqual(['touch in tx', 'session in tx']);
    expect(user.passwordHash).toBe(current);
  });

  it('does not touch a bcrypt hash when the password is wrong', async () => {
    const legacy = hashSync('jixiao-demo', 4);
    const { service, user, writes } = setUp(legacy);
    await expect(service.login('hanyin.editor', 'wrong-password', CLIENT)).rejects.toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });
    await expect(service.login('nobody', 'jixiao-demo', CLIENT)).rejects.toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });
    expect(writes).toEqual([]);
    expect(user.passwordHash).toBe(legacy);
  });
});
