import type { FindingAcknowledgementRequest, TransitionRequest } from '@jixiao/contracts';
import { findingsToAcknowledge, type ReviewFinding } from '@jixiao/domain';

/** A sheet as the API answers it (tests type only the fields they read). */
interface SheetBody {
  rowVersion: number;
  findings: readonly object[];
}

/** A written reason for every error-level finding of the sheet as read (DESIGN §5: needed to submit). */
export function acknowledgeAll(sheet: Pick<SheetBody, 'findings'>, reason = '已逐项核实，按原表提交'): FindingAcknowledgementRequest[] {
  return findingsToAcknowledge(sheet.findings as ReviewFinding[]).map(({ finding, occurrence }) => ({
    code: finding.code,
    indicatorIndex: finding.indicatorIndex,
    occurrence,
    reason,
  }));
}

/** The body of a workflow action on the sheet as read; 提交 acknowledges every error-level finding. */
export function transitionBody(sheet: SheetBody, action: string, comment?: string): TransitionRequest {
  return {
    action: action as TransitionRequest['action'],
    rowVersion: sheet.rowVersion,
    ...(comment !== undefined ? { comment } : {}),
    ...(action === 'submit' ? { acknowledgements: acknowledgeAll(sheet) } : {}),
  };
}
