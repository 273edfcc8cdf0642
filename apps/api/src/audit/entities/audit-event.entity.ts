import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ForeignKeyTo } from '../../core/database/foreign-key';

/** 操作日志: who changed what, when, with before and after. */
@Entity('audit_events')
@Index('audit_events_sheet_idx', ['sheetId', 'occurredAt'])
@Index('audit_events_entity_idx', ['entityType', 'entityId'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'audit_events_pkey' }) id: string;
  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' }) occurredAt: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @ForeignKeyTo('UserEntity', { name: 'actor_id', foreignKeyConstraintName: 'audit_events_actor_id_fkey' }, 'SET NULL')
  actor?: object | null; // UserEntity (another context): the foreign key only
  @Column({ type: 'varchar', length: 64 }) action: string;
  @Column({ name: 'entity_type', type: 'varchar', length: 64 }) entityType: string;
  @Column({ name: 'entity_id', type: 'uuid', nullable: true }) entityId: string | null;
  @Column({ name: 'sheet_id', type: 'uuid', nullable: true }) sheetId: string | null;
  @ForeignKeyTo('TargetSheetEntity', { name: 'sheet_id', foreignKeyConstraintName: 'audit_events_sheet_id_fkey' }, 'SET NULL')
  sheet?: object | null; // TargetSheetEntity (another context): the foreign key only
  @Column({ type: 'jsonb', nullable: true }) before: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) after: Record<string, unknown> | null;
  @Column({ name: 'correlation_id', type: 'varchar', length: 64, nullable: true }) correlationId: string | null;
}
