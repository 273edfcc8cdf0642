/**
 * 密码规则 (password policy): what a new password must be, with a Chinese reason for every rule it
 * breaks. Used by the API (a change of one's own password) and the web (the form says the rules
 * while typing).
 */

export const PASSWORD_MIN_LENGTH = 10;
/** bcrypt reads at most 72 bytes; longer passwords would be cut silently, so they are refused. */
export const PASSWORD_MAX_BYTES = 72;
export const PASSWORD_MIN_CLASSES = 3;

/** Passwords published with the product or too common to be secret (compared without case). */
const KNOWN_PASSWORDS = ['jixiao-demo', 'jixiaodemo', 'jixiao', 'password', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'qwerty', 'admin', 'administrator', 'welcome', 'letmein', 'iloveyou', 'abc', 'abcd', 'test'];

/** 字符类别 of a password. */
export type PasswordCharacterClass = 'lower' | 'upper' | 'digit' | 'symbol';

export const PASSWORD_CLASS_LABELS: Readonly<Record<PasswordCharacterClass, string>> = {
  lower: '小写字母',
  upper: '大写字母',
  digit: '数字',
  symbol: '符号',
};

/** The rules in one sentence, for forms and for a 400 answer. */
export const PASSWORD_RULES_TEXT =
  `密码至少 ${PASSWORD_MIN_LENGTH} 个字符，包含小写字母、大写字母、数字、符号中的至少 ${PASSWORD_MIN_CLASSES} 类，` +
  '不能包含用户名，不能使用演示密码或常见密码';

export interface PasswordCheck {
  ok: boolean;
  /** Every rule the password breaks, in Chinese; empty when ok. */
  reasons: string[];
}

/** The classes of characters a password uses (anything but ASCII letters and digits is a symbol). */
export function passwordClasses(password: string): PasswordCharacterClass[] {
  const found = new Set<PasswordCharacterClass>();
  for (const ch of password) {
    if (ch >= 'a' && ch <= 'z') found.add('lower');
    else if (ch >= 'A' && ch <= 'Z') found.add('upper');
    else if (ch >= '0' && ch <= '9') found.add('digit');
    else found.add('symbol');
  }
  return (['lower', 'upper', 'digit', 'symbol'] as const).filter((c) => found.has(c));
}

/** Checks a new password against the policy; `username` is the account's login name. */
export function checkPassword(password: string, context: { username?: string | null } = {}): PasswordCheck {
  const reasons: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) reasons.push(`密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符（现在 ${length} 个）`);
  if (utf8Length(password) > PASSWORD_MAX_BYTES) reasons.push(`密码过长：最多 ${PASSWORD_MAX_BYTES} 个英文字符（一个汉字按 3 个计）`);
  if (password.trim() !== password) reasons.push('密码的开头和结尾不能是空格');
  const classes = passwordClasses(password);
  if (classes.length < PASSWORD_MIN_CLASSES) {
    const used = classes.length === 0 ? '没有任何字符' : `只有${classes.map((c) => PASSWORD_CLASS_LABELS[c]).join('、')}`;
    reasons.push(`密码需包含小写字母、大写字母、数字、符号中的至少 ${PASSWORD_MIN_CLASSES} 类（现在${used}）`);
  }
  const lower = password.toLowerCase();
  const username = context.username?.trim().toLowerCase() ?? '';
  if (username.length >= 3 && lower.includes(username)) reasons.push('密码不能包含用户名');
  if (isKnownPassword(lower)) reasons.push('不能使用演示密码或常见密码（如 jixiao-demo、Password123!）');
  return { ok: reasons.length === 0, reasons };
}

/** A known password, also with digits and symbols added around it (Password123!, jixiao-demo2024). */
function isKnownPassword(lower: string): boolean {
  if (lower.includes('jixiao-demo') || lower.includes('jixiaodemo')) return true;
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  return KNOWN_PASSWORDS.includes(core) || KNOWN_PASSWORDS.includes(lower);
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
