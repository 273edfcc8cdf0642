/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) of text values, for one parameter per column of a
 * multi-row insert (`INSERT … SELECT FROM unnest($1::uuid[], …)`). Every element is quoted, with `"`
 * and `\` escaped, so any text (commas, braces, the word NULL, an empty string) reads back as given;
 * null and undefined are SQL NULL. PostgreSQL reads such arrays in about half the time of one JSON
 * document of the same rows, and building them here costs a fraction of `pg`'s own array
 * serialisation (bench/README.md, year-end evaluation).
 */
export function pgArrayLiteral(values: readonly (string | number | boolean | null | undefined)[]): string {
  let literal = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) literal += ',';
    literal += value === null || value === undefined ? 'NULL' : `"${String(value).replace(/["\\]/g, '\\$&')}"`;
  }
  return `${literal}}`;
}

/**
 * A large text parameter as its UTF-8 bytes, which `pg` sends as they are (binary format; the binary
 * form of `text` is its bytes): the statement reads it as `$n::text` and casts from there
 * (`$1::text::uuid[]`, `$1::text::jsonb`). Given a string, `pg` encodes it twice (its byte length, then
 * the bytes) — for the megabytes of Chinese explanations a batch of the year-end run writes, a
 * measurable share of the worker's time.
 */
export function textBytes(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}
