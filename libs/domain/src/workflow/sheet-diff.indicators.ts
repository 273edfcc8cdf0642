// The indicator tree (三级指标) part of the sheet diff: matching the indicators of two versions and naming what changed.
import { compact } from '../review/review-text';
import { Counts, fieldMessage, sameDecimal, text } from './sheet-diff.text';
import { INDICATOR_FIELD_LABELS, IndicatorField, SheetChange, SnapshotIndicator } from './sheet-diff.types';

const INDICATOR_FIELDS: readonly IndicatorField[] = ['name', 'level1', 'level2', 'target', 'weight', 'basis', 'remark', 'description'];

export function diffIndicators(before: readonly SnapshotIndicator[], after: readonly SnapshotIndicator[]): { changes: SheetChange[]; counts: Counts } {
  const matchOf = matchIndicators(before, after);
  const counts: Counts = { added: 0, changed: 0, removed: 0 };
  const changes: SheetChange[] = [];
  after.forEach((indicator, index) => {
    const previous = matchOf[index];
    if (previous === undefined) {
      counts.added++;
      changes.push({
        kind: 'indicator_added',
        path: indicatorPath(indicator),
        before: null,
        after: text(indicator.target),
        message: `新增指标「${indicator.name.trim()}」（${levelPath(indicator)}），指标值 ${text(indicator.target) ?? '（空）'}`,
      });
      return;
    }
    const fieldChanges = INDICATOR_FIELDS.filter((field) => !sameIndicatorField(field, previous[field], indicator[field])).map(
      (field): SheetChange => ({
        kind: 'indicator_changed',
        path: indicatorPath(indicator),
        field,
        before: text(previous[field]),
        after: text(indicator[field]),
        message:
          field === 'name'
            ? `指标「${previous.name.trim()}」更名为「${indicator.name.trim()}」`
            : fieldMessage(`「${indicator.name.trim()}」`, INDICATOR_FIELD_LABELS[field], text(previous[field]), text(indicator[field])),
      }),
    );
    if (fieldChanges.length > 0) counts.changed++;
    changes.push(...fieldChanges);
  });
  const matched = new Set(matchOf.filter((m): m is SnapshotIndicator => m !== undefined));
  for (const indicator of before) {
    if (matched.has(indicator)) continue;
    counts.removed++;
    changes.push({
      kind: 'indicator_removed',
      path: indicatorPath(indicator),
      before: text(indicator.target),
      after: null,
      message: `删除指标「${indicator.name.trim()}」（${levelPath(indicator)}），原指标值 ${text(indicator.target) ?? '（空）'}`,
    });
  }
  return { changes, counts };
}

/** For every `after` indicator, its `before` counterpart (or undefined when it is new). */
function matchIndicators(before: readonly SnapshotIndicator[], after: readonly SnapshotIndicator[]): (SnapshotIndicator | undefined)[] {
  const used = new Set<SnapshotIndicator>();
  const result: (SnapshotIndicator | undefined)[] = after.map(() => undefined);
  // 1. by key, where both have one
  after.forEach((indicator, index) => {
    const key = keyOf(indicator);
    if (key === null) return;
    const match = before.find((b) => !used.has(b) && keyOf(b) === key);
    if (match !== undefined) {
      used.add(match);
      result[index] = match;
    }
  });
  // 2. by (level1, level2, name), unless both have keys (different keys are different indicators)
  after.forEach((indicator, index) => {
    if (result[index] !== undefined) return;
    const identity = identityOf(indicator);
    const match = before.find((b) => !used.has(b) && !(keyOf(b) !== null && keyOf(indicator) !== null) && identityOf(b) === identity);
    if (match !== undefined) {
      used.add(match);
      result[index] = match;
    }
  });
  return result;
}

function keyOf(indicator: SnapshotIndicator): string | null {
  const key = indicator.key?.trim() ?? '';
  return key === '' ? null : key;
}

function identityOf(indicator: SnapshotIndicator): string {
  return [indicator.level1, indicator.level2, indicator.name].map((part) => compact(part)).join('\u0000');
}

function sameIndicatorField(field: IndicatorField, a: string | null | undefined, b: string | null | undefined): boolean {
  return field === 'weight' ? sameDecimal(a, b) : compact(a) === compact(b);
}

function levelPath(indicator: SnapshotIndicator): string {
  return [indicator.level1, indicator.level2].map((part) => text(part)).filter((part): part is string => part !== null).join(' / ');
}

function indicatorPath(indicator: SnapshotIndicator): string {
  return [levelPath(indicator), indicator.name.trim()].filter((part) => part !== '').join(' / ');
}
