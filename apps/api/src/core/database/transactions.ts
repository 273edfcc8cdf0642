import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource } from 'typeorm';
import type { Tx } from './persistence';

/** Opens the one transaction of a user action; the work hands `tx` to the persistence methods it calls. */
@Injectable()
export class Transactions {
  /** The transaction of a scripted sequence of actions (`asOne`), which every `run` inside it joins. */
  private readonly ambient = new AsyncLocalStorage<Tx>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const joined = this.ambient.getStore();
    return joined ? work(joined) : this.dataSource.transaction(work);
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
