import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The demo datasets carried by the repo (identical to ../shared/fixtures, see demo/README.md). */
export const DATASETS_DIR = resolve(__dirname, '../../demo/datasets');

export function datasetFiles(): string[] {
  return readdirSync(DATASETS_DIR).filter((f) => f.endsWith('.json')).sort();
}

export function readDatasetText(file: string): string {
  return readFileSync(join(DATASETS_DIR, file), 'utf8');
}

export function readDataset(file: string): Record<string, unknown> {
  return JSON.parse(readDatasetText(file)) as Record<string, unknown>;
}
