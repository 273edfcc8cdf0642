import { Injectable } from '@nestjs/common';
import type { Tx } from '../../core/database/persistence';

/** Carries a sheet's records over to its approved adjustment; returns how many it carried. */
export type AdjustmentApprovedHandler = (tx: Tx, fromSheetId: string, toSheetId: string) => Promise<number>;

/**
 * When finance approves an adjusted version (调整), the contexts that keep records per indicator move
 * them to the new version, in the approval's transaction. Execution registers the carrying over of
 * actuals here (this context does not depend on execution: execution depends on it).
 */
@Injectable()
export class AdjustmentHooks {
  private readonly handlers: AdjustmentApprovedHandler[] = [];

  onApproved(handler: AdjustmentApprovedHandler): void {
    this.handlers.push(handler);
  }

  /** Runs every handler in turn; the number of records carried over in all. */
  async approved(tx: Tx, fromSheetId: string, toSheetId: string): Promise<number> {
    let carried = 0;
    for (const handler of this.handlers) carried += await handler(tx, fromSheetId, toSheetId);
    return carried;
  }
}
