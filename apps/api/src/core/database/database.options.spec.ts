import { databaseOptions } from './database.options';

describe('databaseOptions', () => {
  it('turns JIT compilation off on a PostgreSQL server, schema by migrations only', () => {
    const options = databaseOptions('postgres://u@h:5432/db', false);
    expect(options).toMatchObject({ type: 'postgres', synchronize: false, migrationsRun: false, poolSize: 10, extra: { options: '-c jit=off' } });
  });

  it('sends no server option to the embedded PGlite (a single session, no JIT)', () => {
    const options = databaseOptions('postgres://u@127.0.0.1:5433/db', true);
    expect(options).toMatchObject({ poolSize: 1 });
    expect('extra' in options).toBe(false);
  });
});
