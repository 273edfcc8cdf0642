import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource } from 'typeorm';
import type { Tx } from './persistence';
import { pgConflict } from './pg-errors';

/** Opens the one transaction of a user action; the work hands `tx` to the persistence methods it calls. */
@Injectable()
export class Transactions {
  /** The transaction of a scripted sequence of actions (`asOne`), which every `run` inside it joins. */
  private readonly ambient = new AsyncLocalStorage<Tx>();
  private readonly logger = new Logger(Transactions.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const joined = this.ambient.getStore();
    return joined ? work(joined) : this.dataSource.transaction(work);
  }

  /**
   * `run`, tried once more when PostgreSQL aborts the transaction for a deadlock (40P01) or a
   * serialization failure (40001): the whole work runs again on fresh reads. When the second try
   * fails the same way, `busy()` is thrown instead (a 409 saying to try again later). Inside `asOne`
   * the sequence's transaction cannot be retried alone: the work simply joins it.
   */
  async runRetrying<T>(work: (tx: Tx) => Promise<T>, busy: () => Error, attempts = 2): Promise<T> {
    if (this.ambient.getStore()) return this.run(work);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (pgConflict(error) !== 'transient') throw error;
        if (attempt >= attempts) {
          this.logger.warn(`transaction aborted ${attempt} times (${error instanceof Error ? error.message : String(error)}): answering busy`);
          throw busy();
        }
        this.logger.log(`transaction aborted (${error instanceof Error ? error.message : String(error)}): trying again`);
      }
    }
  }

  /**
   * Runs a sequence of user actions (each through its service, as a user would take it) as one
   * transaction: every `run` inside joins it, so the whole sequence commits or rolls back together.
   * For scripted loads such as the demo year, never for a request.
   */
  asOne<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((tx) => this.ambient.run(tx, () => work(tx)));
  }
}
