export { readDisclosureText, fiscalYearOf } from './read-disclosure-text';
export type { ReadDisclosureTextOptions } from './read-disclosure-text';
