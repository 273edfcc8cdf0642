import { isDatabaseUnavailable } from './dependency-errors';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe(isDatabaseUnavailable.name, () => {
  it('recognizes a refused or lost connection and the server going away', () => {
    for (const error of [
      coded('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      coded('ECONNRESET'),
      coded('57P01', 'terminating connection due to administrator command'),
      coded('57P03', 'the database system is starting up'),
      coded('08006', 'connection failure'),
      coded('08001'),
      coded('53300', 'sorry, too many clients already'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
    ]) {
      expect({ message: error.message, unavailable: isDatabaseUnavailable(error) }).toEqual({ message: error.message, unavailable: true });
    }
  });

  it('looks inside what TypeORM and Node wrap: driverError, cause, an AggregateError', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('query failed'), { driverError: coded('57P01') }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('outer', { cause: coded('ECONNREFUSED') }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')], ''))).toBe(true);
  });

  it('leaves real faults alone: constraint violations, syntax errors, bugs', () => {
    for (const error of [coded('23505', 'duplicate key value'), coded('42601', 'syntax error'), new TypeError('x is undefined'), 'text', null, undefined]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });
});
