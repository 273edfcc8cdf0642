import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_DATASETS } from './demo-users';

const REPO = resolve(__dirname, '../../../..');
const DEMO_DIR = join(REPO, 'demo/datasets');
const SHARED_DIR = resolve(REPO, '../shared/fixtures');

describe('demo datasets', () => {
  it('carries one 2024 file per demo department', () => {
    expect(readdirSync(DEMO_DIR).filter((f) => f.endsWith('.json')).sort()).toEqual(DEMO_DATASETS.map((s) => `${s}-2024.json`));
  });

  // The copies must not drift from the shared fixtures (present beside the repo in development and CI).
  const shared = existsSync(SHARED_DIR) ? readdirSync(SHARED_DIR).filter((f) => f.endsWith('.json')) : [];
  it.each(shared.length ? shared : ['(no ../shared/fixtures here)'])('%s is identical to ../shared/fixtures', (file) => {
    if (!shared.length) return expect(existsSync(DEMO_DIR)).toBe(true);
    expect(readFileSync(join(DEMO_DIR, file), 'utf8')).toBe(readFileSync(join(SHARED_DIR, file), 'utf8'));
  });
});
