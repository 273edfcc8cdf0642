import { QueryFailedError } from 'typeorm';
import { pgConflict, sqlState } from './pg-errors';

const failed = (code: string) => new QueryFailedError('SELECT 1', [], Object.assign(new Error('x'), { code }));

describe('pgConflict', () => {
  it('tells a unique violation from a deadlock or a serialization failure', () => {
    expect(pgConflict(failed('23505'))).toBe('unique_violation');
    expect(pgConflict(failed('40P01'))).toBe('transient');
    expect(pgConflict(failed('40001'))).toBe('transient');
    expect(pgConflict(failed('55P03'))).toBe('transient');
  });

  it('ignores every other error, database or not', () => {
    expect(pgConflict(failed('23503'))).toBeNull(); // a foreign key: a bug or bad input, not a race
    expect(pgConflict(new Error('deadlock detected'))).toBeNull();
    expect(pgConflict(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBeNull();
    expect(pgConflict(null)).toBeNull();
    expect(pgConflict('40P01')).toBeNull();
  });

  it('reads the SQLSTATE from the driver error too', () => {
    expect(sqlState({ driverError: { code: '40P01' } })).toBe('40P01');
  });
});
