import { checkPassword, PASSWORD_RULES_TEXT, passwordClasses } from './password-policy';

describe(checkPassword.name, () => {
  it.each(['Kx7#mP2q-Rt9', 'huai-he-2025-Spring', '汉阴医保Budget2025', 'correct horse battery STAPLE'])('accepts %p', (password) => {
    expect(checkPassword(password, { username: 'hanyin.editor' })).toEqual({ ok: true, reasons: [] });
  });

  it('says how short a password is', () => {
    expect(checkPassword('Ab1!xyz', {}).reasons).toEqual(['密码至少需要 10 个字符（现在 7 个）']);
  });

  it('counts characters, not bytes: ten Chinese characters with a digit and a letter are long enough', () => {
    expect(checkPassword('医保基金监管工作A1', {}).ok).toBe(true);
  });

  it('names the classes a password has when it has fewer than three', () => {
    expect(checkPassword('abcdefgh1234', {}).reasons).toEqual(['密码需包含小写字母、大写字母、数字、符号中的至少 3 类（现在只有小写字母、数字）']);
  });

  it('refuses a password that contains the username, whatever its case', () => {
    expect(checkPassword('Hanyin.Editor-2025', { username: 'hanyin.editor' }).reasons).toEqual(['密码不能包含用户名']);
  });

  it.each(['jixiao-demo', 'Jixiao-Demo2025!', 'Password123!', 'P@ssw0rd2024', 'Administrator1!'])('refuses the demo or a common password %p', (password) => {
    expect(checkPassword(password, { username: 'someone' }).reasons).toContain('不能使用演示密码或常见密码（如 jixiao-demo、Password123!）');
  });

  it('refuses what bcrypt would cut: more than 72 bytes', () => {
    expect(checkPassword('汉'.repeat(24) + 'A1', {}).reasons).toEqual(['密码过长：最多 72 个英文字符（一个汉字按 3 个计）']);
  });

  it('refuses spaces at either end (they are lost when copied)', () => {
    expect(checkPassword(' Kx7#mP2q-Rt9', {}).reasons).toEqual(['密码的开头和结尾不能是空格']);
  });

  it('gives every reason at once', () => {
    expect(checkPassword('hanyin', { username: 'hanyin' }).reasons).toHaveLength(3);
  });

  it('states the rules in one Chinese sentence', () => {
    expect(PASSWORD_RULES_TEXT).toBe('密码至少 10 个字符，包含小写字母、大写字母、数字、符号中的至少 3 类，不能包含用户名，不能使用演示密码或常见密码');
  });
});

describe(passwordClasses.name, () => {
  it('takes anything but ASCII letters and digits as a symbol', () => {
    expect(passwordClasses('aZ9')).toEqual(['lower', 'upper', 'digit']);
    expect(passwordClasses('医-')).toEqual(['symbol']);
  });
});
