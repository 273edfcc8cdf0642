import type { FindingAcknowledgementResponse, SheetStatus } from '@jixiao/contracts';
import { REVIEW_CODE_TITLES, type AcknowledgedFinding } from '@jixiao/domain';
import type { EntityManager } from 'typeorm';
import { FindingAcknowledgementEntity } from '../entities/finding-acknowledgement.entity';
import type { IndicatorEntity } from '../entities/indicator.entity';

/** Statuses reached through the latest submission: its acknowledgements are the ones under review. */
const UNDER_REVIEW_OR_APPROVED: readonly SheetStatus[] = ['submitted', 'department_approved', 'approved'];

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

/** The acknowledged findings with the indicator each names (by its position in the sheet at submission). */
export function auditedAcknowledgements(acknowledged: readonly AcknowledgedFinding[], indicators: readonly Pick<IndicatorEntity, 'id'>[]): AuditedAcknowledgement[] {
  return acknowledged.map((a) => ({
    code: a.code,
    indicatorId: a.indicatorIndex === null ? null : (indicators[a.indicatorIndex]?.id ?? null),
    indicatorIndex: a.indicatorIndex,
    indicatorName: a.indicatorName,
    occurrence: a.occurrence,
    message: a.message,
    reason: a.reason,
  }));
}

/** 问题确认 of a new submission replace the previous submission's, in the submission's transaction. */
export async function replaceAcknowledgements(em: EntityManager, sheetId: string, acknowledgements: readonly AuditedAcknowledgement[], userId: string): Promise<void> {
  await em.delete(FindingAcknowledgementEntity, { sheetId });
  if (acknowledgements.length === 0) return;
  await em.insert(
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

/** The acknowledgements of the submission under review (or approved); none for a draft or a returned sheet. */
export async function readAcknowledgements(em: EntityManager, sheet: { id: string; status: SheetStatus }): Promise<FindingAcknowledgementResponse[]> {
  if (!UNDER_REVIEW_OR_APPROVED.includes(sheet.status)) return [];
  const rows: {
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
  }[] = await em.query(
    `SELECT a.code, a.indicator_id, a.indicator_index, a.indicator_name, a.occurrence, a.message, a.reason, a.acknowledged_at,
            u.id AS user_id, u.username, u.display_name
       FROM finding_acknowledgements a LEFT JOIN users u ON u.id = a.acknowledged_by
      WHERE a.sheet_id = $1 ORDER BY a.position`,
    [sheet.id],
  );
  return rows.map((r) => ({
    code: r.code,
    title: REVIEW_CODE_TITLES[r.code] ?? r.code,
    indicatorId: r.indicator_id,
    indicatorIndex: r.indicator_index,
    indicatorName: r.indicator_name,
    occurrence: r.occurrence,
    message: r.message,
    reason: r.reason,
    acknowledgedBy: r.user_id ? { id: r.user_id, username: r.username ?? '', displayName: r.display_name ?? '' } : null,
    acknowledgedAt: new Date(r.acknowledged_at).toISOString(),
  }));
}
