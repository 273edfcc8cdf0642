import { Injectable } from '@nestjs/common';
import type { AuditEventResponse } from '@jixiao/contracts';
import { EntityManager } from 'typeorm';
import { AuditEventEntity } from './entities/audit-event.entity';

export interface AuditRecord {
  actorId: string | null;
  action: string; // e.g. 'dataset.import'
  entityType: string;
  entityId: string | null;
  sheetId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  correlationId?: string | null;
}

/** 操作日志: written in the same transaction as the change it records. */
@Injectable()
export class AuditService {
  /** A sheet's log, newest first, with who made each change. */
  async listForSheet(em: EntityManager, sheetId: string): Promise<AuditEventResponse[]> {
    const rows: { id: string; occurred_at: Date; action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null; actor_id: string | null; username: string | null; display_name: string | null }[] =
      await em.query(
        `SELECT e.id, e.occurred_at, e.action, e.before, e.after, u.id AS actor_id, u.username, u.display_name
           FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
          WHERE e.sheet_id = $1 ORDER BY e.occurred_at DESC, e.id DESC`,
        [sheetId],
      );
    return rows.map((r) => ({
      id: String(r.id),
      occurredAt: new Date(r.occurred_at).toISOString(),
      action: r.action,
      actor: r.actor_id ? { id: r.actor_id, username: r.username!, displayName: r.display_name! } : null,
      before: r.before,
      after: r.after,
    }));
  }

  async record(em: EntityManager, record: AuditRecord): Promise<void> {
    const event = em.create(AuditEventEntity, {
      sheetId: null,
      before: null,
      after: null,
      correlationId: null,
      ...record,
    });
    await em.save(event);
  }
}
