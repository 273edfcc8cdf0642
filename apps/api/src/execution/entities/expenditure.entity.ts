import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 支出执行: what a project spent in one month. */
@Entity('expenditures')
export class ExpenditureEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId: string;
  @Column({ type: 'smallint' }) month: number;
  @Column({ type: 'numeric', precision: 18, scale: 2 }) amount: string; // 元
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy: string | null;
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' }) recordedAt: Date;
}
