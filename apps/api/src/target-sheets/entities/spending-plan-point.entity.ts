import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { integerBetween } from '../../core/database/check-expressions';
import { TargetSheetEntity } from './target-sheet.entity';

/** 资金支出计划: the cumulative planned amount at the end of a checkpoint month. */
@Entity('spending_plan_points')
@Check('spending_plan_points_month_check', integerBetween('month', 1, 12))
export class SpendingPlanPointEntity {
  @PrimaryColumn({ name: 'sheet_id', type: 'uuid', primaryKeyConstraintName: 'spending_plan_points_pkey' }) sheetId: string;
  @ManyToOne(() => TargetSheetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sheet_id', foreignKeyConstraintName: 'spending_plan_points_sheet_id_fkey' })
  sheet?: Relation<TargetSheetEntity>;
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'spending_plan_points_pkey' }) month: number;
  @Column({ name: 'cumulative_amount', type: 'numeric', precision: 18, scale: 2 }) cumulativeAmount: string;
}
