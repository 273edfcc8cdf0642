import { accountLocked, addressLocked, minutesLeft } from './login-throttle.service';

describe(minutesLeft.name, () => {
  it('rounds up to whole minutes, never below one', () => {
    const now = Date.UTC(2026, 0, 1, 9, 0, 0);
    expect(minutesLeft(new Date(now + 15 * 60_000), now)).toBe(15);
    expect(minutesLeft(new Date(now + 13 * 60_000 + 30_000), now)).toBe(14);
    expect(minutesLeft(new Date(now + 5_000), now)).toBe(1);
    expect(minutesLeft(new Date(now - 5_000), now)).toBe(1);
  });
});

describe('the lock messages', () => {
  it('say how long to wait, in Chinese, with the seconds for a client', () => {
    const until = new Date(Date.now() + 15 * 60_000);
    const account = accountLocked(until);
    expect(account.message).toBe('该账号已连续 5 次登录失败，暂时锁定，请 15 分钟后再试（也可请管理员重置密码）');
    expect(account.status).toBe(429);
    expect(account.details).toMatchObject({ scope: 'account', lockedUntil: until.toISOString() });
    expect(addressLocked(until).message).toBe('此网络地址登录失败次数过多，请 15 分钟后再试');
  });
});
