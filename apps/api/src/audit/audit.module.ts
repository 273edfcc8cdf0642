import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** 操作日志: every write records who changed what, when, before and after. */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
