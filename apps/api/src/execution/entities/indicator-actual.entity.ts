import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DeviationCategory, IndicatorActualValue, Likelihood, Period } from '@jixiao/domain';

/** 实际完成值 of one indicator in one period, with the forecast and the deviation analysis. */
@Entity('indicator_actuals')
export class IndicatorActualEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'indicator_id', type: 'uuid' }) indicatorId: string;
  @Column({ type: 'varchar', length: 4 }) period: Period;
  @Column({ type: 'jsonb', nullable: true }) actual: IndicatorActualValue | null;
  @Column({ type: 'jsonb', nullable: true }) forecast: number | null; // 全年预计完成值
  @Column({ type: 'varchar', length: 20, nullable: true }) likelihood: Likelihood | null; // 完成可能性
  @Column({ name: 'deviation_category', type: 'varchar', length: 20, nullable: true }) deviationCategory: DeviationCategory | null; // 偏差原因类别
  @Column({ name: 'deviation_reason', type: 'text', nullable: true }) deviationReason: string | null;
  @Column({ type: 'text', nullable: true }) measures: string | null; // 改进措施
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy: string | null;
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' }) recordedAt: Date;
}
