import { isTransientDatabaseError } from './database-errors';

describe('isTransientDatabaseError', () => {
  it.each([
    ['a serialization failure', { code: '40001' }],
    ['a deadlock', { code: '40P01' }],
    ['an administrator shutdown', { code: '57P01' }],
    ['a connection failure', { code: '08006' }],
    ['too many connections', { code: '53300' }],
    ['a TypeORM error wrapping a driver error', { driverError: { code: '40001' } }],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
  ])('takes %s as transient', (_name, error) => expect(isTransientDatabaseError(error)).toBe(true));

  it.each([
    ['a numeric overflow', { code: '22003' }],
    ['a raised exception (trigger)', Object.assign(new Error('simulated failure'), { code: 'P0001' })],
    ['a unique violation', { code: '23505' }],
    ['a plain error', new Error('Invalid completion rate')],
    ['nothing', null],
    ['a string', 'boom'],
  ])('takes %s as the data’s', (_name, error) => expect(isTransientDatabaseError(error)).toBe(false));
});
