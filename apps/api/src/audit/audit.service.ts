import { Injectable } from '@nestjs/common';
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
