import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation, Unique } from 'typeorm';
import type { ReviewCode } from '@jixiao/domain';
import { IndicatorEntity } from './indicator.entity';
import { TargetSheetEntity } from './target-sheet.entity';
import { ForeignKeyTo } from '../../core/database/foreign-key';

/** 问题确认: the author's reason for one error-level finding at the sheet's latest submission. */
@Entity('finding_acknowledgements')
@Unique('finding_acknowledgements_sheet_id_code_indicator_index_occu_key', ['sheetId', 'code', 'indicatorIndex', 'occurrence'])
@Check('finding_acknowledgements_position_check', `(("position" >= 0))`)
@Check('finding_acknowledgements_indicator_index_check', `((indicator_index >= 0))`)
@Check('finding_acknowledgements_occurrence_check', `((occurrence >= 1))`)
@Check('finding_acknowledgements_reason_check', `(((char_length(btrim(reason)) >= 2) AND (char_length(btrim(reason)) <= 500)))`)
export class FindingAcknowledgementEntity {
  @PrimaryColumn({ name: 'sheet_id', type: 'uuid', primaryKeyConstraintName: 'finding_acknowledgements_pkey' }) sheetId: string;
  @ManyToOne(() => TargetSheetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sheet_id', foreignKeyConstraintName: 'finding_acknowledgements_sheet_id_fkey' })
  sheet?: Relation<TargetSheetEntity>;
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'finding_acknowledgements_pkey' }) position: number; // order of the findings in the review
  @Column({ type: 'varchar', length: 64 }) code: ReviewCode;
  @Column({ name: 'indicator_id', type: 'uuid', nullable: true }) indicatorId: string | null;
  @ManyToOne(() => IndicatorEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'finding_acknowledgements_indicator_id_fkey' })
  indicator?: Relation<IndicatorEntity> | null;
  @Column({ name: 'indicator_index', type: 'integer', nullable: true }) indicatorIndex: number | null;
  @Column({ name: 'indicator_name', type: 'text', nullable: true }) indicatorName: string | null;
  @Column({ type: 'integer', default: 1 }) occurrence: number;
  @Column({ type: 'text' }) message: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true }) acknowledgedBy: string | null;
  @ForeignKeyTo('UserEntity', { name: 'acknowledged_by', foreignKeyConstraintName: 'finding_acknowledgements_acknowledged_by_fkey' }, 'SET NULL')
  acknowledger?: object | null; // UserEntity (another context): the foreign key only
  @Column({ name: 'acknowledged_at', type: 'timestamptz', default: () => 'now()' }) acknowledgedAt: Date;
}
