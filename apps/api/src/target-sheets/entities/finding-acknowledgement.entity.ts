import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { ReviewCode } from '@jixiao/domain';

/** 问题确认: the author's reason for one error-level finding at the sheet's latest submission. */
@Entity('finding_acknowledgements')
@Unique(['sheetId', 'code', 'indicatorIndex', 'occurrence'])
export class FindingAcknowledgementEntity {
  @PrimaryColumn({ name: 'sheet_id', type: 'uuid' }) sheetId: string;
  @PrimaryColumn({ type: 'integer' }) position: number; // order of the findings in the review
  @Column({ type: 'varchar', length: 64 }) code: ReviewCode;
  @Column({ name: 'indicator_id', type: 'uuid', nullable: true }) indicatorId: string | null;
  @Column({ name: 'indicator_index', type: 'integer', nullable: true }) indicatorIndex: number | null;
  @Column({ name: 'indicator_name', type: 'text', nullable: true }) indicatorName: string | null;
  @Column({ type: 'integer', default: 1 }) occurrence: number;
  @Column({ type: 'text' }) message: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true }) acknowledgedBy: string | null;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', default: () => 'now()' }) acknowledgedAt: Date;
}
