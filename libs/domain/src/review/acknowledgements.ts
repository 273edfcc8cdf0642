/**
 * Written acknowledgements of error-level findings (问题确认, DESIGN §5: "Error-level findings need a
 * written acknowledgement to submit, kept in the audit, and finance sees them when approving").
 *
 * At submission the author writes, for every 需修改 (error) finding of the review, why the sheet goes
 * to the reviewers as it is. A finding is named by its code and indicator (its index in the sheet the
 * author read — the submission carries that sheet's rowVersion, so the index is the one the author
 * saw) and, where one indicator or the sheet as a whole has several findings of one code (three
 * missing first levels, a leftover in both name and target), by its occurrence among them: 1, 2, …
 * in the order of the review. Warnings need nothing; an acknowledgement of anything that is not an
 * error-level finding of the sheet is refused, so that no reason is stored for a finding that is not
 * there.
 */
import { REVIEW_CODE_TITLES, ReviewCode, ReviewFinding } from './review.types';

/** A reason needs at least this many characters after trimming (as a return comment does). */
export const MIN_ACKNOWLEDGEMENT_LENGTH = 2;
/** … and at most this many. */
export const MAX_ACKNOWLEDGEMENT_LENGTH = 500;

/** What the author sends for one error-level finding. */
export interface FindingAcknowledgementInput {
  code: string; // a ReviewCode
  indicatorIndex: number | null; // as in the finding; null for the sheet as a whole
  /** Which of several findings of the same code on the same indicator (or sheet), from 1; 1 when absent. */
  occurrence?: number;
  reason: string;
}

/** An error-level finding the author must acknowledge, with its occurrence. */
export interface FindingToAcknowledge {
  finding: ReviewFinding;
  occurrence: number;
}

/** An acknowledged finding, as stored and shown to the reviewers. */
export interface AcknowledgedFinding {
  code: ReviewCode;
  indicatorIndex: number | null;
  indicatorName: string | null;
  occurrence: number;
  message: string; // the finding's message at submission
  reason: string; // trimmed
}

/** Why a submission's acknowledgements were refused; every list names what to fix. */
export interface AcknowledgementRefusal {
  ok: false;
  message: string; // Chinese, naming each finding
  /** Error-level findings without a reason (or with a blank or too short one). */
  unacknowledged: (FindingToAcknowledge & { given: 'none' | 'blank' | 'short' })[];
  /** Reasons longer than MAX_ACKNOWLEDGEMENT_LENGTH. */
  tooLong: FindingToAcknowledge[];
  /** Acknowledgements that name no error-level finding of the sheet, or one already acknowledged. */
  unknown: (FindingAcknowledgementInput & { why: 'no_such_finding' | 'duplicate' })[];
}

export type AcknowledgementCheck = { ok: true; acknowledged: AcknowledgedFinding[] } | AcknowledgementRefusal;

/** The error-level findings of a review, in its order, each with its occurrence. */
export function findingsToAcknowledge(findings: readonly ReviewFinding[]): FindingToAcknowledge[] {
  const seen = new Map<string, number>();
  return findings
    .filter((f) => f.severity === 'error')
    .map((finding) => {
      const key = keyOf(finding.code, finding.indicatorIndex);
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      return { finding, occurrence };
    });
}

/** True when a reason is long enough after trimming (and not too long). */
export function isAcknowledgementReason(reason: string | null | undefined): boolean {
  const length = reasonLength(reason);
  return length >= MIN_ACKNOWLEDGEMENT_LENGTH && length <= MAX_ACKNOWLEDGEMENT_LENGTH;
}

/** 「工作完成时限」：年份与预算年度不符 — how a finding is named in messages and lists. */
export function findingLabel({ finding, occurrence }: FindingToAcknowledge, all: readonly FindingToAcknowledge[] = []): string {
  const where = finding.indicatorName === null ? '目标表' : finding.indicatorName === '' ? `第${(finding.indicatorIndex ?? 0) + 1}个指标` : `「${finding.indicatorName}」`;
  const several = all.filter((f) => f.finding.code === finding.code && f.finding.indicatorIndex === finding.indicatorIndex).length > 1;
  return `${where}：${REVIEW_CODE_TITLES[finding.code]}${several ? `（第${occurrence}处）` : ''}`;
}

/**
 * Matches the author's acknowledgements with the review's error-level findings: every error needs a
 * reason of MIN_ACKNOWLEDGEMENT_LENGTH to MAX_ACKNOWLEDGEMENT_LENGTH characters (trimmed), and every
 * acknowledgement must name an error-level finding, once. Pure: the caller re-runs the review.
 */
export function checkAcknowledgements(
  findings: readonly ReviewFinding[],
  acknowledgements: readonly FindingAcknowledgementInput[],
): AcknowledgementCheck {
  const required = findingsToAcknowledge(findings);
  const byKey = new Map(required.map((r) => [keyOf(r.finding.code, r.finding.indicatorIndex, r.occurrence), r]));
  const reasons = new Map<string, string>();
  const unknown: AcknowledgementRefusal['unknown'] = [];
  for (const ack of acknowledgements) {
    const key = keyOf(ack.code, ack.indicatorIndex ?? null, ack.occurrence ?? 1);
    if (!byKey.has(key)) unknown.push({ ...ack, why: 'no_such_finding' });
    else if (reasons.has(key)) unknown.push({ ...ack, why: 'duplicate' });
    else reasons.set(key, typeof ack.reason === 'string' ? ack.reason.trim() : '');
  }

  const unacknowledged: AcknowledgementRefusal['unacknowledged'] = [];
  const tooLong: FindingToAcknowledge[] = [];
  const acknowledged: AcknowledgedFinding[] = [];
  for (const item of required) {
    const reason = reasons.get(keyOf(item.finding.code, item.finding.indicatorIndex, item.occurrence));
    const length = reasonLength(reason);
    if (reason === undefined) unacknowledged.push({ ...item, given: 'none' });
    else if (length === 0) unacknowledged.push({ ...item, given: 'blank' });
    else if (length < MIN_ACKNOWLEDGEMENT_LENGTH) unacknowledged.push({ ...item, given: 'short' });
    else if (length > MAX_ACKNOWLEDGEMENT_LENGTH) tooLong.push(item);
    else {
      const { finding, occurrence } = item;
      acknowledged.push({
        code: finding.code,
        indicatorIndex: finding.indicatorIndex,
        indicatorName: finding.indicatorName,
        occurrence,
        message: finding.message,
        reason,
      });
    }
  }
  if (unacknowledged.length === 0 && tooLong.length === 0 && unknown.length === 0) return { ok: true, acknowledged };
  return { ok: false, message: refusalMessage(required, unacknowledged, tooLong, unknown), unacknowledged, tooLong, unknown };
}

function refusalMessage(
  required: readonly FindingToAcknowledge[],
  unacknowledged: AcknowledgementRefusal['unacknowledged'],
  tooLong: readonly FindingToAcknowledge[],
  unknown: AcknowledgementRefusal['unknown'],
): string {
  const parts: string[] = [];
  if (unacknowledged.length > 0) {
    const GIVEN = { none: '', blank: '（理由为空）', short: `（理由少于 ${MIN_ACKNOWLEDGEMENT_LENGTH} 个字）` } as const;
    const names = unacknowledged.map((u) => `${findingLabel(u, required)}${GIVEN[u.given]}`).join('、');
    parts.push(`目标审核助手发现 ${required.length} 处需修改的问题，提交前须逐项填写确认理由，尚有 ${unacknowledged.length} 处未填写：${names}`);
  }
  if (tooLong.length > 0) {
    parts.push(`确认理由不能超过 ${MAX_ACKNOWLEDGEMENT_LENGTH} 个字：${tooLong.map((t) => findingLabel(t, required)).join('、')}`);
  }
  if (unknown.length > 0) {
    const names = unknown
      .map((u) => {
        const title = REVIEW_CODE_TITLES[u.code as ReviewCode] ?? u.code;
        const where = u.indicatorIndex === null || u.indicatorIndex === undefined ? '目标表' : `第${u.indicatorIndex + 1}个指标`;
        return `${where}的“${title}”${u.why === 'duplicate' ? '（重复确认）' : ''}`;
      })
      .join('、');
    parts.push(`以下确认不对应目标表当前需修改的问题，请刷新后重新确认：${names}`);
  }
  return `${parts.join('；')}。`;
}

function keyOf(code: string, indicatorIndex: number | null, occurrence?: number): string {
  return occurrence === undefined ? `${code}@${indicatorIndex ?? '-'}` : `${code}@${indicatorIndex ?? '-'}#${occurrence}`;
}

function reasonLength(reason: string | null | undefined): number {
  return [...(reason ?? '').trim()].length;
}
