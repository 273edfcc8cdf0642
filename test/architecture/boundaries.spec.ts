import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
}

/** What each library may import, besides its own relative files (CONVENTIONS §1, §3). */
const RULES: { lib: string; allowed: RegExp }[] = [
  { lib: 'libs/domain/src', allowed: /^(\.{1,2}\/|big\.js$)/ },
  { lib: 'libs/contracts/src', allowed: /^(\.{1,2}\/|@jixiao\/domain(\/|$)|class-validator$|class-transformer$)/ },
];

describe('library boundaries', () => {
  it.each(RULES)('$lib imports only what it may (no Nest, TypeORM, BullMQ or node: modules)', ({ lib, allowed }) => {
    const offending = sourceFiles(join(ROOT, lib)).flatMap((file) =>
      importsOf(file).filter((spec) => !allowed.test(spec)).map((spec) => `${relative(ROOT, file)} → ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('keeps TypeORM entities inside apps/api', () => {
    const leaking = ['libs', 'apps/web/src'].flatMap((dir) => {
      try {
        return sourceFiles(join(ROOT, dir)).filter((f) => /from ['"]typeorm['"]|\.entity['"]/.test(readFileSync(f, 'utf8')));
      } catch {
        return [];
      }
    });
    expect(leaking).toEqual([]);
  });
});
