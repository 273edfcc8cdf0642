import { checkScoringScheme, type ScoringScheme } from '@jixiao/domain/scoring';
import { TIER_LABELS, TIERS, type Tier } from '@jixiao/domain/completion';

/** One 一级指标分组 being edited: numbers as typed, the words as one line. */
export interface DraftGroup {
  key: number; // for @for tracking only
  code: string; // SchemeGroup.key
  label: string;
  aliases: string; // 产出、成本
  points: string;
}

/** A scheme being edited, as typed. */
export interface SchemeDraft {
  name: string;
  budgetExecution: string;
  groups: DraftGroup[];
  tierValues: Record<Tier, string>;
}

export const SHEET_KIND_LABELS = { project: '项目支出绩效目标表', department: '部门整体绩效目标表' } as const;
export const TIER_FIELDS: readonly { tier: Tier; label: string }[] = TIERS.map((tier) => ({ tier, label: TIER_LABELS[tier] }));

let nextKey = 1;

export function schemeDraft(scheme: ScoringScheme): SchemeDraft {
  return {
    name: scheme.name,
    budgetExecution: String(scheme.budgetExecution),
    groups: scheme.groups.map((group) => ({ key: nextKey++, code: group.key, label: group.label, aliases: group.aliases.join('、'), points: String(group.points) })),
    tierValues: Object.fromEntries(TIERS.map((tier) => [tier, String(scheme.tierValues[tier])])) as Record<Tier, string>,
  };
}

/** A new group for the editor: a code of its own the user may keep. */
export function newDraftGroup(existing: readonly DraftGroup[]): DraftGroup {
  let n = existing.length + 1;
  while (existing.some((g) => g.code === `group${n}`)) n += 1;
  return { key: nextKey++, code: `group${n}`, label: '', aliases: '', points: '0' };
}

/** A number as typed; anything else stays the text, so that the scheme check quotes what was typed (“十”须为…). */
function numberOf(text: string): number {
  const trimmed = text.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : (trimmed as unknown as number);
}

/** The scheme a draft describes; the words split at 、，, ; or spaces. */
export function toScheme(draft: SchemeDraft): ScoringScheme {
  return {
    name: draft.name.trim(),
    budgetExecution: numberOf(draft.budgetExecution),
    groups: draft.groups.map((group) => ({
      key: group.code.trim(),
      label: group.label.trim(),
      aliases: group.aliases.split(/[、，,;；\s]+/).map((word) => word.trim()).filter((word) => word !== ''),
      points: numberOf(group.points),
    })),
    tierValues: Object.fromEntries(TIERS.map((tier) => [tier, numberOf(draft.tierValues[tier])])) as Record<Tier, number>,
  };
}

/** Every reason the draft cannot be saved (libs/domain checkScoringScheme), in Chinese. */
export function schemeProblems(draft: SchemeDraft): string[] {
  return checkScoringScheme(toScheme(draft));
}

/** 合计分值 as typed, in hundredths (points have two places at most); null while a number is not readable. */
export function totalPoints(draft: SchemeDraft): string | null {
  const parts = [draft.budgetExecution, ...draft.groups.map((g) => g.points)].map((text) => text.trim());
  if (parts.some((text) => !/^\d+(\.\d{1,2})?$/.test(text))) return null;
  const cents = parts.reduce((sum, text) => {
    const [whole, fraction = ''] = text.split('.');
    return sum + Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  }, 0);
  return cents % 100 === 0 ? String(cents / 100) : `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0').replace(/0$/, '')}`;
}

const BEIJING = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/** A saved time in 北京时间: 2024/12/01 09:30. */
export function beijingTime(iso: string): string {
  return BEIJING.format(new Date(iso));
}
