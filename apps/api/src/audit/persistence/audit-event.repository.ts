import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@jixiao/contracts';
import { DataSource } from 'typeorm';
import { Persistence, Tx } from '../../core/database/persistence';
import { AuditEventEntity } from '../entities/audit-event.entity';

export interface AuditEventRow {
  id: string;
  occurred_at: Date;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  actor_id: string | null;
  username: string | null;
  display_name: string | null;
  role: Role | null;
}

/** 操作日志 (audit_events). */
@Injectable()
export class AuditEventRepository extends Persistence {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** A sheet's events, newest first, with the actor's account (a read model over users). */
  listForSheet(sheetId: string, tx?: Tx): Promise<AuditEventRow[]> {
    return this.em(tx).query(
      `SELECT e.id, e.occurred_at, e.action, e.before, e.after, u.id AS actor_id, u.username, u.display_name, u.role
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.sheet_id = $1 ORDER BY e.occurred_at DESC, e.id DESC`,
      [sheetId],
    );
  }

  /** One entity's events (an organization, a user), newest first, with the actor's account. */
  listForEntity(entityType: string, entityId: string, tx?: Tx): Promise<AuditEventRow[]> {
    return this.em(tx).query(
      `SELECT e.id, e.occurred_at, e.action, e.before, e.after, u.id AS actor_id, u.username, u.display_name, u.role
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.entity_type = $1 AND e.entity_id = $2 ORDER BY e.occurred_at DESC, e.id DESC LIMIT 200`,
      [entityType, entityId],
    );
  }

  /** A sheet's newest event with the actor's account and role, or none. */
  async latestForSheet(sheetId: string, tx?: Tx): Promise<(AuditEventRow & { role: string | null }) | null> {
    const rows: (AuditEventRow & { role: string | null })[] = await this.em(tx).query(
      `SELECT e.id, e.occurred_at, e.action, e.before, e.after, u.id AS actor_id, u.username, u.display_name, u.role
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.sheet_id = $1 ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1`,
      [sheetId],
    );
    return rows[0] ?? null;
  }

  async insert(tx: Tx, event: Omit<AuditEventEntity, 'id' | 'occurredAt'>): Promise<void> {
    await tx.save(tx.create(AuditEventEntity, event));
  }
}
