import { QueryFailedError } from 'typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from './persistence';
import { Transactions } from './transactions';

const pgError = (code: string) => new QueryFailedError('UPDATE …', [], Object.assign(new Error(`error ${code}`), { code }));

/** Transactions over a DataSource whose transaction() runs the work with a fresh fake tx each time. */
function setUp() {
  let opened = 0;
  const dataSource = { transaction: async <T>(work: (tx: Tx) => Promise<T>) => work({ attempt: ++opened } as unknown as Tx) } as unknown as DataSource;
  return { transactions: new Transactions(dataSource), opened: () => opened };
}
const busy = () => new Error('busy');

describe('Transactions.runRetrying', () => {
  it('runs the work again in a new transaction after a deadlock, once', async () => {
    const { transactions, opened } = setUp();
    let calls = 0;
    const result = await transactions.runRetrying(async (tx) => {
      calls++;
      if (calls === 1) throw pgError('40P01');
      return (tx as unknown as { attempt: number }).attempt;
    }, busy);
    expect(result).toBe(2);
    expect(opened()).toBe(2);
  });

  it('throws busy() when the second try fails the same way (deadlock, then serialization failure)', async () => {
    const { transactions, opened } = setUp();
    const codes = ['40P01', '40001'];
    await expect(transactions.runRetrying(async () => Promise.reject(pgError(codes.shift()!)), busy)).rejects.toThrow('busy');
    expect(opened()).toBe(2);
  });

  it('does not retry any other error, a unique violation included', async () => {
    for (const error of [pgError('23505'), pgError('23503'), new Error('plain')]) {
      const { transactions, opened } = setUp();
      await expect(transactions.runRetrying(async () => Promise.reject(error), busy)).rejects.toBe(error);
      expect(opened()).toBe(1);
    }
  });

  it('inside asOne, joins the sequence’s transaction and leaves its failure to the sequence', async () => {
    const { transactions, opened } = setUp();
    const failure = pgError('40P01');
    await expect(transactions.asOne(() => transactions.runRetrying(async () => Promise.reject(failure), busy))).rejects.toBe(failure);
    expect(opened()).toBe(1);
  });
});
