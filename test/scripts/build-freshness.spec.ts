import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const MODULE = resolve(__dirname, '../../scripts/build-freshness.mjs');

/** `stale(output, sources)` of scripts/build-freshness.mjs, run in a child Node (the module is ESM, as `npm start` is). */
function stale(output: string, sources: string[], env: Record<string, string> = {}): boolean {
  const script = `import { stale } from ${JSON.stringify(MODULE)}; process.stdout.write(String(stale(${JSON.stringify(output)}, ${JSON.stringify(sources)}, ${JSON.stringify(env)})));`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }) === 'true';
}

describe('npm start rebuilds what is older than its sources (scripts/build-freshness.mjs)', () => {
  let dir: string;
  const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-fresh-'));
    mkdirSync(join(dir, 'src/deep'), { recursive: true });
    writeFileSync(join(dir, 'src/deep/a.ts'), 'a');
    writeFileSync(join(dir, 'main.js'), 'built');
    at(join(dir, 'src/deep/a.ts'), 1_000);
    at(join(dir, 'main.js'), 2_000);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('builds when there is no output', () => expect(stale(join(dir, 'missing.js'), [join(dir, 'src')])).toBe(true));
  it('does not build when the output is newer than every source', () => expect(stale(join(dir, 'main.js'), [join(dir, 'src')])).toBe(false));
  it('builds when a source deep in a folder changed after the build (a git pull)', () => {
    at(join(dir, 'src/deep/a.ts'), 3_000);
    expect(stale(join(dir, 'main.js'), [join(dir, 'src')])).toBe(true);
  });
  it('builds when asked to (JIXIAO_REBUILD=1)', () => expect(stale(join(dir, 'main.js'), [join(dir, 'src')], { JIXIAO_REBUILD: '1' })).toBe(true));
  it('ignores sources that do not exist', () => expect(stale(join(dir, 'main.js'), [join(dir, 'nothing')])).toBe(false));
});
