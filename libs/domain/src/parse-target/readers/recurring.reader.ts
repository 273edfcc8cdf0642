/**
 * Recurring targets (定期): a deadline in every period — `每月20号之前`, `每季度末`, `按月发放` —
 * or a count per period — `每季度1次`, `每月不少于2次` (recurring-count.ts).
 */
import type { RecurringEvery } from '../../target-spec';
import { invalidDate, dateNotRead } from '../dates';
import { BEFORE, DONE_VERBS, judgeLeftover, locate } from '../leftover';
import { Reading, withDropped, withWarning } from '../reading';
import { readRecurringCount } from './recurring-count';

interface RecurringRule {
  pattern: RegExp;
  read: (m: RegExpMatchArray) => Reading;
}

/** Words between the period and the verb of an unstated day (每月按时足额发放). */
const MANNER = '(?:按时|及时|足额|按期|定期|准时|全额)*';

const RECURRING_RULES: readonly RecurringRule[] = [
  {
    // 每月20号之前, 每月10日前
    pattern: new RegExp(`(?:每个?月|按月)的?(\\d{1,2})(?:日|号)${BEFORE}?`),
    read: (m) => monthlyDay(Number(m[1])),
  },
  { pattern: new RegExp(`(?:每个?月|按月)(?:底|末)${BEFORE}?`), read: () => recurring('month', null) },
  { pattern: new RegExp(`(?:每个?|按)季度?(?:末|底)${BEFORE}?`), read: () => recurring('quarter', null) },
  { pattern: new RegExp(`^季度(?:末|底)${BEFORE}?`), read: () => recurring('quarter', null) },
  {
    // 每月上旬: by the 10th (中旬 the 20th, 下旬 the end)
    pattern: new RegExp(`(?:每个?月|按月)(上|中|下)旬${BEFORE}?`),
    read: (m) => {
      const day = m[1] === '上' ? 10 : m[1] === '中' ? 20 : null;
      const meaning = day === null ? '每月月底' : `每月${day}日`;
      return withWarning(recurring('month', day), 'RECURRING_DAY_AMBIGUOUS', `“每月${m[1] ?? ''}旬”按${meaning}前理解。`);
    },
  },
  {
    pattern: new RegExp(`(?:每个?|按)季度?(?:首月)?的?(\\d{1,2})(?:日|号)${BEFORE}?`),
    read: (m) => quarterlyDay(Number(m[1])),
  },
  {
    // 按月发放, 每月按时足额发放: the whole text, at most a verb after the period
    pattern: new RegExp(`^(?:每个?月|按月)${MANNER}(?:${DONE_VERBS})?$`),
    read: () => withWarning(recurring('month', null), 'RECURRING_END_ASSUMED', '未写每月的哪一天，按每月月底理解。'),
  },
  {
    pattern: new RegExp(`^(?:每个?|按)季度?${MANNER}(?:${DONE_VERBS})?$`),
    read: () =>
      withWarning(recurring('quarter', null), 'RECURRING_END_ASSUMED', '未写每季度的哪一天，按每季度末理解。'),
  },
];

export function readRecurring(text: string): Reading | undefined {
  const count = readRecurringCount(text);
  if (count !== undefined) return count;
  for (const { pattern, read } of RECURRING_RULES) {
    const found = locate(text, pattern);
    if (found === undefined) continue;
    const verdict = judgeLeftover(found.before, found.after);
    if (!verdict.ok) return verdict.reason === 'digits' ? undefined : dateNotRead(text);
    return withDropped(read(found.match), verdict.dropped);
  }
  return undefined;
}

function recurring(every: RecurringEvery, day: number | null): Reading {
  return { spec: { kind: 'recurring', every, day }, warnings: [] };
}

function monthlyDay(day: number): Reading {
  if (day < 1 || day > 31) return invalidDate(`每月${day}日`);
  const reading = recurring('month', day);
  if (day <= 28) return reading;
  return withWarning(reading, 'RECURRING_DAY_AMBIGUOUS', `并非每个月都有${day}日，较短的月份按月底理解。`);
}

function quarterlyDay(day: number): Reading {
  if (day < 1 || day > 31) return invalidDate(`每季度${day}日`);
  return withWarning(
    recurring('quarter', day),
    'RECURRING_DAY_AMBIGUOUS',
    `“每季度${day}日”未写明是季度中哪个月的${day}日，请核实。`,
  );
}
