import { checkPassword, passwordClasses } from '@jixiao/domain/accounts/password-policy';
import { generateOneTimePassword } from './one-time-password';

describe(generateOneTimePassword.name, () => {
  it('gives 12 characters of all four classes, without look-alikes, that pass the policy', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = generateOneTimePassword('hanyin.editor');
      expect(password).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9#%+=@$]{12}$/);
      expect(passwordClasses(password)).toEqual(['lower', 'upper', 'digit', 'symbol']);
      expect(checkPassword(password, { username: 'hanyin.editor' }).ok).toBe(true);
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });
});
