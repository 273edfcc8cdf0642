import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { AuditEventRepository } from './persistence/audit-event.repository';

/** 操作日志: every write records who changed what, when, before and after. */
@Global()
@Module({ providers: [AuditEventRepository, AuditService], exports: [AuditService] })
export class AuditModule {}
