/**
 * The round trip over every fixture (demo/datasets, = shared/fixtures): each dataset written by
 * targetWorkbook, read back by workbookGrid + readTargetWorkbook, gives back exactly its data. The one
 * field the disclosure layout has no place for is `source` (free text about where the data came from):
 * it reads back null. `region` is not in the layout either: the importer passes it, as here.
 */
import { readTargetWorkbook, type Dataset } from '@jixiao/contracts/dataset';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workbookGrid } from '../../imports/xlsx/workbook-grid';
import { targetWorkbook } from './target-workbook';

const FIXTURES = join(__dirname, '../../../../../demo/datasets');
const fixtures = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .map((file) => [file, JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Dataset] as const);

describe('targetWorkbook → workbookGrid → readTargetWorkbook', () => {
  it('has the five fixtures', () => {
    expect(fixtures.map(([file]) => file)).toEqual(['hanyin-2024.json', 'shenmu-2024.json', 'shenqiu-2024.json', 'wangdu-2024.json', 'xuchang-2024.json']);
  });

  it.each(fixtures)('%s reads back exactly', async (_file, fixture) => {
    const buffer = await targetWorkbook([fixture]);
    const grid = await workbookGrid(buffer);
    const reading = readTargetWorkbook(grid, { region: fixture.region });
    expect(reading.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(reading.datasets).toHaveLength(1);
    const [{ dataset, origins }] = reading.datasets;
    expect(dataset).toEqual({ ...fixture, source: null });
    expect(origins).toHaveLength(fixture.projects.length + (fixture.departmentSheet === null ? 0 : 1));
    // the only warnings: a project written without indicators says so
    const empty = fixture.projects.filter((p) => p.indicators.length === 0).length;
    expect(reading.problems.map((p) => p.code)).toEqual(Array(empty).fill('TABLE_WITHOUT_INDICATORS'));
  });

  it('reads all five datasets from one workbook', async () => {
    const buffer = await targetWorkbook(fixtures.map(([, fixture]) => fixture));
    const reading = readTargetWorkbook(await workbookGrid(buffer));
    expect(reading.datasets.map((d) => d.dataset.department.name)).toEqual(fixtures.map(([, f]) => f.department.name));
    reading.datasets.forEach((read, i) => expect(read.dataset).toEqual({ ...fixtures[i][1], source: null, region: null }));
  });
});
