import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_DATASETS } from './demo-users';

const REPO = resolve(__dirname, '../../../..');
const DEMO_DIR = join(REPO, 'demo/datasets');

/** demo/SHA256SUMS: the checksums of the files as copied from shared/fixtures (see demo/README.md). */
const RECORDED = new Map(
  readFileSync(join(REPO, 'demo/SHA256SUMS'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [sum, file] = line.split(/\s+/);
      return [file ?? '', sum ?? ''] as const;
    }),
);

describe('demo datasets', () => {
  it('carries one 2024 file per demo department', () => {
    expect(readdirSync(DEMO_DIR).filter((f) => f.endsWith('.json')).sort()).toEqual(DEMO_DATASETS.map((s) => `${s}-2024.json`));
  });

  it.each(DEMO_DATASETS.map((s) => `${s}-2024.json`))('%s is the file as copied from shared/fixtures (its recorded SHA-256)', (file) => {
    const sum = createHash('sha256').update(readFileSync(join(DEMO_DIR, file))).digest('hex');
    expect(sum).toBe(RECORDED.get(file));
  });
});
