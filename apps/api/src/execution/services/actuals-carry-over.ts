import { Injectable, OnModuleInit } from '@nestjs/common';
import { AdjustmentHooks } from '../../target-sheets/services/adjustment-hooks';
import { ExecutionRepository } from '../persistence/execution.repository';

/**
 * When finance approves an adjusted version (调整), monitoring moves to it: the actuals recorded
 * against the version it replaces carry over to the same indicators of the new one, matched by
 * 一级 / 二级 / 三级指标 name (versions copy indicators under new ids). Records the new version
 * already has win; indicators new in this version start empty; removed ones keep their history on
 * the old version, which stays readable. Spending belongs to the project and needs no copy.
 */
@Injectable()
export class ActualsCarryOver implements OnModuleInit {
  constructor(
    private readonly adjustments: AdjustmentHooks,
    private readonly execution: ExecutionRepository,
  ) {}

  onModuleInit(): void {
    this.adjustments.onApproved((tx, fromSheetId, toSheetId) => this.execution.copyActuals(tx, fromSheetId, toSheetId));
  }
}
