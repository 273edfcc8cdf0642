import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 资金支出计划: the cumulative planned amount at the end of a checkpoint month. */
@Entity('spending_plan_points')
export class SpendingPlanPointEntity {
  @PrimaryColumn({ name: 'sheet_id', type: 'uuid' }) sheetId: string;
  @PrimaryColumn({ type: 'smallint' }) month: number;
  @Column({ name: 'cumulative_amount', type: 'numeric', precision: 18, scale: 2 }) cumulativeAmount: string;
}
