/**
 * Recurring counts (每期次数, DESIGN §3): `每季度1次`, `每月不少于2次`, `每年2次`, `每季度至少开展一次`,
 * `1次/季度`, `≥2次/年`. At least `times` occurrences in every month, quarter or year. A half year,
 * a week or two months are turned into the nearest period the spec has, with a warning.
 */
import type { Op, RecurringEvery } from '../../target-spec';
import { CHINESE_NUMERAL, countOf } from '../chinese-numerals';
import { MAX_DROPPED_CHARS } from '../leftover';
import { OP_PATTERN, OP_WORDS } from '../operators';
import { notRead, Reading, warn } from '../reading';

/** A period as written, and what it becomes: `every`, and how many of it make one such period. */
interface Period {
  every: RecurringEvery;
  factor: number; // times per `every` for one time per written period (每半年1次 → 每年2次)
  converted?: string; // what the warning says it was read as
}

const PERIODS: readonly (readonly [RegExp, Period])[] = [
  [/^(?:每半年度?|半年)$/, { every: 'year', factor: 2, converted: '每年' }],
  [/^(?:每两个?月|每双月)$/, { every: 'year', factor: 6, converted: '每年' }],
  [/^(?:每个?周|每个?星期|按周|周|星期)$/, { every: 'month', factor: 4, converted: '每月' }],
  [/^(?:每个?月度?|按月度?|月度|个?月)$/, { every: 'month', factor: 1 }],
  [/^(?:每个?季度?|按季度?|季度|个?季度?)$/, { every: 'quarter', factor: 1 }],
  [/^(?:每个?年度?|按年度?|年度?|一年)$/, { every: 'year', factor: 1 }],
];

/** Written before the count (每月…2次). 年度/季度/月度 alone are accepted only in `N次/年` form. */
const LEADING_PERIOD = '每半年度?|半年|一年|每两个?月|每双月|每个?周|每个?星期|按周|每个?月度?|按月度?|月度|每个?季度?|按季度?|季度|每个?年度?|按年度?';
/** Written after the count (2次/年). */
const TRAILING_PERIOD = '半年|个?月|个?季度?|年度?|周|星期';
const COUNT = `(\\d+|${CHINESE_NUMERAL})`;
/** What is counted: occurrences (次), sessions (场, 期, 轮), batches (批). */
const OCCURRENCE = '(?:次|回|场次?|期|轮|批次?|趟)';
const AT_LEAST_AFTER = '(以上|及以上|或以上)?';

/** Verbs between the period and the count that change nothing (每季度至少开展一次). */
const SILENT_WORDS = new RegExp(
  '^(?:开展|召开|举办|组织|进行|检查|巡查|督查|督导|培训|宣传|调度|通报|报送|上报|更新|维护|巡检|检测|考核|走访|' +
    '公示|公开|分析|会商|研判|发布|监测|核查|抽查|随访|举行|实施|完成|提交|汇报|报告|盘点|对账|清查|评估|' +
    '开|办|做|查|报|学习|部署|会议|集中|专项|例会|稽核|审核|核对|统计|发放|支付|拨付|结算|的|均|各|需|须|应|要|确保)*$',
);

const LEADING = new RegExp(`^(${LEADING_PERIOD})的?([^\\d]*?)${COUNT}${OCCURRENCE}${AT_LEAST_AFTER}([^\\d]{0,${MAX_DROPPED_CHARS}})$`);
const TRAILING = new RegExp(`^(${OP_PATTERN})?${COUNT}${OCCURRENCE}${AT_LEAST_AFTER}(?:/|每)(${TRAILING_PERIOD})${AT_LEAST_AFTER}$`);

interface CountParts {
  period: string;
  op: Op | undefined;
  count: string;
  dropped: string;
}

function leadingParts(text: string): CountParts | undefined {
  const m = LEADING.exec(text);
  if (m === null) return undefined;
  const [, period = '', middle = '', count = '', atLeast, tail = ''] = m;
  const opWord = OP_WORDS.find(([word]) => middle.includes(word));
  const words = opWord === undefined ? middle : middle.replace(opWord[0], '');
  const op = opWord?.[1] ?? (atLeast !== undefined ? '>=' : undefined);
  const dropped = (SILENT_WORDS.test(words) ? '' : words) + (SILENT_WORDS.test(tail) ? '' : tail);
  return { period, op, count, dropped };
}

function trailingParts(text: string): CountParts | undefined {
  const m = TRAILING.exec(text);
  if (m === null) return undefined;
  const [, opWord, count = '', atLeast, period = '', atLeastAfter] = m;
  const op = opWord !== undefined ? OP_WORDS.find(([word]) => word === opWord)?.[1] : atLeast ?? atLeastAfter ? '>=' : undefined;
  return { period, op, count, dropped: '' };
}

/** 每半年 alone (每半年开展): once every half year. */
function halfYearly(text: string): CountParts | undefined {
  const m = /^(每半年度?)([\u4e00-\u9fff]{0,4})$/.exec(text);
  if (m === null || !SILENT_WORDS.test(m[2] ?? '')) return undefined;
  return { period: m[1] ?? '', op: undefined, count: '1', dropped: '' };
}

/** Reads a count per period, or `undefined` when the text is not one. */
export function readRecurringCount(text: string): Reading | undefined {
  const parts = leadingParts(text) ?? trailingParts(text) ?? halfYearly(text);
  if (parts === undefined) return undefined;
  const period = PERIODS.find(([pattern]) => pattern.test(parts.period))?.[1];
  const count = countOf(parts.count);
  if (period === undefined || count === undefined) return undefined;
  if (parts.op === '<=' || parts.op === '<') {
    return notRead('RECURRING_NOT_READ', `“${text}”是每期次数的上限，无法读作定期完成的目标，按定性指标处理。`);
  }
  const times = (parts.op === '>' ? count + 1 : count) * period.factor;
  if (count < 1 || times > 1000) {
    return notRead('RECURRING_NOT_READ', `“${text}”的次数${count}无法作为每期至少完成的次数，按定性指标处理。`);
  }
  const warnings = [];
  if (period.converted !== undefined) {
    warnings.push(
      warn(
        'RECURRING_PERIOD_CONVERTED',
        `“${parts.period}${count}次”按${period.converted}至少${times}次理解（目标只能按月、季度或年计次），请核实。`,
      ),
    );
  }
  if (parts.dropped !== '') warnings.push(warn('TEXT_DROPPED', `指标值中的文字“${parts.dropped}”未被读取。`));
  return { spec: { kind: 'recurring', every: period.every, day: null, times }, warnings };
}
