import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 监控期: a monitoring round of a fiscal year with its open and close dates. */
@Entity('monitoring_periods')
export class MonitoringPeriodEntity {
  @PrimaryColumn({ name: 'fiscal_year', type: 'integer' }) fiscalYear: number;
  @PrimaryColumn({ type: 'varchar' }) period: string;
  @Column({ name: 'opens_on', type: 'date' }) opensOn: string;
  @Column({ name: 'closes_on', type: 'date' }) closesOn: string;
}
