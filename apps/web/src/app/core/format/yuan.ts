/** An amount in 元 as a user types it (1234, 1,234.5, 1234.50) → the API's form '1234.50'; null when it is not one. */
export function normalizeYuan(text: string): string | null {
  const clean = text.replace(/[,，\s]/g, '');
  const match = /^(\d{1,16})(?:\.(\d{1,2}))?$/.exec(clean);
  if (match === null) return null;
  const integer = match[1].replace(/^0+(?=\d)/, '');
  return `${integer}.${(match[2] ?? '').padEnd(2, '0')}`;
}
