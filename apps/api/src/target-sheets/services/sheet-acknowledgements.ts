import type { FindingAcknowledgementResponse, SheetStatus } from '@jixiao/contracts';
import { REVIEW_CODE_TITLES, type AcknowledgedFinding } from '@jixiao/domain';
import type { IndicatorEntity } from '../entities/indicator.entity';
import type { AuditedAcknowledgement, StoredAcknowledgement } from '../persistence/finding-acknowledgement.repository';

/** Statuses reached through the latest submission: its acknowledgements are the ones under review. */
export const UNDER_REVIEW_OR_APPROVED: readonly SheetStatus[] = ['submitted', 'department_approved', 'approved'];

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

/** A stored acknowledgement as the sheet's response lists it. */
export function acknowledgementResponse(r: StoredAcknowledgement): FindingAcknowledgementResponse {
  return {
    code: r.code,
    title: REVIEW_CODE_TITLES[r.code] ?? r.code,
    indicatorId: r.indicator_id,
    indicatorIndex: r.indicator_index,
    indicatorName: r.indicator_name,
    occurrence: r.occurrence,
    message: r.message,
    reason: r.reason,
    acknowledgedBy: r.user_id && r.role ? { id: r.user_id, username: r.username ?? '', displayName: r.display_name ?? '', role: r.role } : null,
    acknowledgedAt: new Date(r.acknowledged_at).toISOString(),
  };
}
