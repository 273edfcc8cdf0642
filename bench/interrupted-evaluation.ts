// Runs a region's year-end evaluation exactly as the job does, on a database kept by the benchmark
// (BENCH_KEEP_DB=1 npm run bench:evaluation); bench/README.md shows how it is killed mid-run and checked.
import { DataSource } from 'typeorm';
import { databaseOptions } from '../apps/api/src/core/database/database.options';
import { evaluationOn } from './evaluation-wiring';

async function main(): Promise<void> {
  const ds = await new DataSource(databaseOptions(process.env['URL']!, false)).initialize();
  const [bureau] = await ds.query(`SELECT path FROM organizations WHERE kind = 'finance_bureau' LIMIT 1`);
  const { evaluator, sheetData } = evaluationOn(ds);
  const ids = await sheetData.effectiveSheetIds(2024, bureau.path);
  for (let start = 0; start < ids.length; start += 500) {
    const batch = ids.slice(start, start + 500);
    await ds.transaction(async (em) => evaluator.evaluate(em, batch));
    console.log(`batch done ${start + batch.length}`);
  }
  await ds.destroy();
}
void main();
