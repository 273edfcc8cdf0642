import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 操作日志: who changed what, when, with before and after. */
@Entity('audit_events')
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' }) occurredAt: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'varchar' }) action: string;
  @Column({ name: 'entity_type', type: 'varchar' }) entityType: string;
  @Column({ name: 'entity_id', type: 'uuid', nullable: true }) entityId: string | null;
  @Column({ name: 'sheet_id', type: 'uuid', nullable: true }) sheetId: string | null;
  @Column({ type: 'jsonb', nullable: true }) before: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) after: Record<string, unknown> | null;
  @Column({ name: 'correlation_id', type: 'varchar', nullable: true }) correlationId: string | null;
}
