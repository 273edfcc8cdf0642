import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@jixiao/contracts';
import { DataSource } from 'typeorm';
import { Persistence, Tx } from '../../core/database/persistence';
import { FindingAcknowledgementEntity } from '../entities/finding-acknowledgement.entity';

/** An acknowledgement as the audit keeps it (the `sheet.submit` event's `after.acknowledgements`). */
export interface AuditedAcknowledgement {
  code: string;
  indicatorId: string | null;
  indicatorIndex: number | null;
  indicatorName: string | null;
  occurrence: number;
  message: string;
  reason: string;
}

/** One stored acknowledgement with who gave it. */
export interface StoredAcknowledgement {
  code: FindingAcknowledgementEntity['code'];
  indicator_id: string | null;
  indicator_index: number | null;
  indicator_name: string | null;
  occurrence: number;
  message: string;
  reason: string;
  acknowledged_at: Date;
  user_id: string | null;
  username: string | null;
  display_name: string | null;
  role: Role | null;
}

/** 问题确认 of the latest submission of each sheet (finding_acknowledgements). */
@Injectable()
export class FindingAcknowledgementRepository extends Persistence {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The acknowledgements of a new submission replace the previous submission's, in the submission's transaction. */
  async replace(tx: Tx, sheetId: string, acknowledgements: readonly AuditedAcknowledgement[], userId: string): Promise<void> {
    await tx.delete(FindingAcknowledgementEntity, { sheetId });
    if (acknowledgements.length === 0) return;
    await tx.insert(
      FindingAcknowledgementEntity,
      acknowledgements.map((a, position) => ({
        sheetId,
        position,
        code: a.code as FindingAcknowledgementEntity['code'],
        indicatorId: a.indicatorId,
        indicatorIndex: a.indicatorIndex,
        indicatorName: a.indicatorName,
        occurrence: a.occurrence,
        message: a.message,
        reason: a.reason,
        acknowledgedBy: userId,
      })),
    );
  }

  /** The stored acknowledgements of a sheet, in the order they were given. */
  listForSheet(sheetId: string, tx?: Tx): Promise<StoredAcknowledgement[]> {
    return this.em(tx).query(
      `SELECT a.code, a.indicator_id, a.indicator_index, a.indicator_name, a.occurrence, a.message, a.reason, a.acknowledged_at,
              u.id AS user_id, u.username, u.display_name, u.role
         FROM finding_acknowledgements a LEFT JOIN users u ON u.id = a.acknowledged_by
        WHERE a.sheet_id = $1 ORDER BY a.position`,
      [sheetId],
    );
  }
}
