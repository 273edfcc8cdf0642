import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 年度主要任务 of a department-wide sheet. */
@Entity('sheet_tasks')
export class SheetTaskEntity {
  @PrimaryColumn({ name: 'sheet_id', type: 'uuid' }) sheetId: string;
  @PrimaryColumn({ type: 'integer' }) position: number;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', nullable: true }) content: string | null;
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true }) amount: string | null;
}
