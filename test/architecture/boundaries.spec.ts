import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

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

/** The bounded contexts of the API (apps/api/src/<context>/), shared core/ aside. */
const API = join(ROOT, 'apps/api/src');
const CONTEXTS = readdirSync(API).filter((name) => name !== 'core' && statSync(join(API, name)).isDirectory());

/** context → the other contexts its files import (type-only imports count: they couple too). */
function contextGraph(): Map<string, Set<string>> {
  const graph = new Map(CONTEXTS.map((c) => [c, new Set<string>()]));
  for (const context of CONTEXTS) {
    for (const file of sourceFiles(join(API, context))) {
      for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
        const target = relative(API, resolve(dirname(file), spec)).split(sep)[0];
        if (target !== context && graph.has(target)) graph.get(context)!.add(target);
      }
    }
  }
  return graph;
}

/** Every cycle's contexts (Tarjan's strongly connected components of more than one context, or a self-loop). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    for (const w of graph.get(v)!) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indexOf.has(v)) visit(v);
  return found;
}

describe('API contexts', () => {
  it('depend on each other without cycles (a context reaches another only one way)', () => {
    expect(cycles(contextGraph())).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])], ['d', new Set(['a'])]]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
  });
});

describe('request DTOs', () => {
  it('implement the request interfaces of libs/contracts, so that the API and the web agree at compile time', () => {
    const loose = sourceFiles(API)
      .filter((file) => file.split(sep).includes('dto'))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/export class (\w+)([^{]*)\{/g)]
          .filter(([, , heritage]) => !/\bimplements\b/.test(heritage!))
          .map(([, name]) => `${relative(ROOT, file)}: ${name}`),
      );
    expect(loose).toEqual([]);
  });
});
