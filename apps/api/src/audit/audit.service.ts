import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditEventResponse, Role, SheetVersionConflictDetails } from '@jixiao/contracts';
import type { Tx } from '../core/database/persistence';
import { AuditEventRepository, type AuditEventRow } from './persistence/audit-event.repository';

export interface AuditRecord {
  actorId: string | null;
  action: AuditAction; // e.g. 'dataset.import': every code has its Chinese name in libs/contracts audit-actions.ts
  entityType: string;
  entityId: string | null;
  sheetId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  correlationId?: string | null;
}

function toResponse(r: AuditEventRow): AuditEventResponse {
  return {
    id: String(r.id),
    occurredAt: new Date(r.occurred_at).toISOString(),
    action: r.action,
    actor: r.actor_id ? { id: r.actor_id, username: r.username!, displayName: r.display_name!, role: r.role! } : null,
    before: r.before,
    after: r.after,
  };
}

/** 操作日志: written in the same transaction as the change it records. */
@Injectable()
export class AuditService {
  constructor(private readonly events: AuditEventRepository) {}

  /** A sheet's log, newest first, with who made each change. */
  async listForSheet(sheetId: string, tx?: Tx): Promise<AuditEventResponse[]> {
    return (await this.events.listForSheet(sheetId, tx)).map(toResponse);
  }

  /** The log of one organization or user (系统管理), newest first. */
  async listForEntity(entityType: 'organization' | 'user', entityId: string, tx?: Tx): Promise<AuditEventResponse[]> {
    return (await this.events.listForEntity(entityType, entityId, tx)).map(toResponse);
  }

  /** A sheet's last recorded change: what, by whom (with the role), when; null when none is recorded. */
  async lastChangeOfSheet(sheetId: string, tx?: Tx): Promise<SheetVersionConflictDetails['lastChange']> {
    const row = await this.events.latestForSheet(sheetId, tx);
    if (row === null) return null;
    return {
      action: row.action,
      by: row.actor_id ? { id: row.actor_id, username: row.username!, displayName: row.display_name!, role: row.role as Role } : null,
      at: new Date(row.occurred_at).toISOString(),
    };
  }

  async record(tx: Tx, record: AuditRecord): Promise<void> {
    await this.events.insert(tx, { sheetId: null, before: null, after: null, correlationId: null, ...record });
  }
}
