import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { TargetSheetEntity } from './target-sheet.entity';

/** 年度主要任务 of a department-wide sheet. */
@Entity('sheet_tasks')
export class SheetTaskEntity {
  @PrimaryColumn({ name: 'sheet_id', type: 'uuid', primaryKeyConstraintName: 'sheet_tasks_pkey' }) sheetId: string;
  @ManyToOne(() => TargetSheetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sheet_id', foreignKeyConstraintName: 'sheet_tasks_sheet_id_fkey' })
  sheet?: Relation<TargetSheetEntity>;
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'sheet_tasks_pkey' }) position: number;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', nullable: true }) content: string | null;
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true }) amount: string | null;
}
