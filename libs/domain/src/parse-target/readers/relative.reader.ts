/**
 * Targets relative to the previous year (与上年比较): `不低于上年`, `与上年持平`, `比上年提高 ≥10 百分比`,
 * `较上年下降2个百分点`, `同比增长5%`, `较上年增加3家`. A decrease gives a negative delta and the
 * bound mirrored (`下降≥5%` → op <=, delta −5: the signed change a − p is at most −5). A change
 * without a base year (`提高2个百分点`) is read against last year, with a warning.
 */
import type { Op, ParseContext, ParseWarning } from '../../target-spec';
import { normalizeUnit, isKnownUnit } from '../../units';
import { isChangeIndicator } from '../indicator-context';
import { NUMBER } from '../leftover';
import { mirror, OP_PATTERN, opOf, SUFFIX_OP_PATTERN, suffixOpOf } from '../operators';
import { notRead, Reading, unitUnknown, warn } from '../reading';
import { changeOf } from './relative-change';

/** The previous year (上年, 去年, 上年同期, 2023年 as a base...). */
const PREVIOUS = '(?:上一?个?年度?(?:同期|末|底)?|去年(?:同期|底|末)?|往年(?:同期)?|前一年度?|(?:19|20)\\d{2}年度?(?:同期|末|底)?)';
/** 较上年, 与上年相比, 在上年基础上, 同比. */
const BASE = `(?:(?:比|较|与|同|和|对比|相比|相较于?)?${PREVIOUS}的?(?:相比|比较|比|基础上|基础之上)?|同比)`;
/** Mentions of the previous year that make a text a relative target, or an unreadable one. */
const MENTIONS = /上一?个?年|去年|往年|前一年|同比|(?:较|比|与|相比|对比|低于|高于|不低于|不高于|超过)(?:19|20)\d{2}年/;
const TAIL = '的?(?:同期)?(?:平均)?(?:水平|数|值|标准|数据|实际|实际值|完成值|完成数|支出|金额|费用|数量|人数|规模|比例)?';
const FILLER = '(?:有所|有|进一步|明显|持续|稳步|逐步|略有|不断|实现|均|应|要|力争|确保|继续)?';
const UP_WORDS = '提高|提升|增长|增加|上升|增多|增|升高|上涨|扩大|多';
const DOWN_WORDS = '下降|降低|减少|减低|压缩|缩减|缩短|减|降|少';
const DIRECTION = `(${UP_WORDS}|${DOWN_WORDS})(?:率|幅度|幅|速度|速)?了?`;
const AMOUNT = `(${OP_PATTERN})?(${NUMBER})([^\\d]*?)(${SUFFIX_OP_PATTERN})?`;

const COMPARED = new RegExp(`^(${OP_PATTERN})(?:与|和)?${PREVIOUS}${TAIL}$`);
const KEPT = new RegExp(`^(?:保持|维持)在?${PREVIOUS}${TAIL}(?:以上)?$`);
const BOUNDED = new RegExp(`^${PREVIOUS}${TAIL}(以上|及以上|以下|及以下)$`);
const LEVEL = new RegExp(`^(?:同比|(?:与|和|同|较|比)?${PREVIOUS}${TAIL}(?:相比)?)?(?:基本)?(?:持平|相当|一致|保持一致|保持稳定|稳定)$`);
/** 同比不下降, 较上年不增加: not down is at least, not up at most. */
const NOT = new RegExp(`^${BASE}(?:不|未|没有)(?:${UP_WORDS}|(${DOWN_WORDS}))$`);
const LEVEL_OR = new RegExp(`^${BASE}?(?:基本)?持平或(?:略有|有所)?(${UP_WORDS}|${DOWN_WORDS})$`);
const CHANGE = new RegExp(`^在?${BASE}[,]?${FILLER}${DIRECTION}(?:${AMOUNT})?$`);
const TO_LEVEL = new RegExp(`^在?(?:${BASE})?${FILLER}(?:${UP_WORDS}|${DOWN_WORDS})(?:到|至)${AMOUNT}$`);
const BARE_CHANGE = new RegExp(`^${FILLER}${DIRECTION}${AMOUNT}$`);

const UP = new RegExp(`^(?:${UP_WORDS})`);
const isUp = (word: string): boolean => UP.test(word);

export function readRelative(text: string, context: ParseContext): Reading | undefined {
  const toLevel = TO_LEVEL.exec(text);
  if (toLevel !== null) return readLevel(text, toLevel);
  if (MENTIONS.test(text)) {
    return readComparison(text) ?? readChange(text, CHANGE.exec(text), context, false) ?? relativeNotRead(text);
  }
  if (/^(?:基本)?持平/.test(text)) {
    const level = readComparison(text);
    if (level === undefined) return undefined;
    return { spec: level.spec, warnings: [warn('RELATIVE_BASE_ASSUMED', `“${text}”未写与哪一年比较，按与上年比较理解。`)] };
  }
  const bare = BARE_CHANGE.exec(text);
  if (bare === null || isChangeIndicator(context)) return undefined;
  return readChange(text, bare, context, true);
}

/** 不低于上年, ≥上年水平, 与上年持平, 保持上年水平. */
function readComparison(text: string): Reading | undefined {
  const compared = COMPARED.exec(text);
  if (compared !== null) return relative(opOf(compared[1] ?? ''), null, null);
  if (KEPT.test(text)) return relative('>=', null, null);
  const bounded = BOUNDED.exec(text);
  if (bounded !== null) return relative(/以上/.test(bounded[1] ?? '') ? '>=' : '<=', null, null);
  if (LEVEL.test(text)) return relative('=', null, null);
  const not = NOT.exec(text);
  if (not !== null) return relative(not[1] === undefined ? '<=' : '>=', null, null);
  const levelOr = LEVEL_OR.exec(text);
  if (levelOr !== null) return relative(isUp(levelOr[1] ?? '') ? '>=' : '<=', null, null);
  return undefined;
}

/** 比上年提高≥10%, 较上年增长, 同比下降5%; `bare`: 提高2个百分点 with no base written. */
function readChange(text: string, m: RegExpExecArray | null, context: ParseContext, bare: boolean): Reading | undefined {
  if (m === null) return undefined;
  const [, directionWord = '', opWord, numberText, unitText = '', suffixWord] = m;
  const up = isUp(directionWord);
  if (numberText === undefined) return relative(up ? '>' : '<', null, null);
  const warnings: ParseWarning[] = [];
  if (bare) warnings.push(warn('RELATIVE_BASE_ASSUMED', `“${text}”未写与哪一年比较，按与上年比较理解。`));
  const unit = normalizeUnit(unitText);
  if (unit !== null && !isKnownUnit(unit)) warnings.push(unitUnknown(unit));
  const written = opWord !== undefined ? opOf(opWord) : suffixWord !== undefined ? suffixOpOf(suffixWord) : undefined;
  let op: Op;
  if (written === undefined || written === 'approx') {
    op = up ? '>=' : '<=';
    warnings.push(warn('OP_INFERRED', `未写比较符，“${directionWord}${numberText}${unit ?? ''}”按至少${directionWord}这么多理解（${op}）。`));
  } else {
    op = up ? written : mirror(written);
  }
  const value = Number(numberText);
  const { change, warnings: changeWarnings } = changeOf(unit, `${directionWord}${numberText}${unit ?? ''}`, context);
  return {
    spec: { kind: 'relative', op, delta: up ? value : -value, unit, change },
    warnings: [...warnings, ...changeWarnings],
  };
}

/** 提高到95%, 降低至5%以下: the level to reach, not a change — a numeric target. */
function readLevel(text: string, m: RegExpExecArray): Reading {
  const [, opWord, numberText = '', unitText = '', suffixWord] = m;
  const up = /提高|提升|增长|增加|上升|增多|增|升高|上涨|扩大/.test(text.slice(0, text.search(/到|至/)));
  const suffix = suffixWord === undefined ? undefined : suffixOpOf(suffixWord);
  const op: Op = opWord !== undefined ? opOf(opWord) : suffix !== undefined && suffix !== 'approx' ? suffix : up ? '>=' : '<=';
  const unit = normalizeUnit(unitText);
  const warnings = unit !== null && !isKnownUnit(unit) ? [unitUnknown(unit)] : [];
  return { spec: { kind: 'numeric', op, value: Number(numberText), unit }, warnings };
}

function relative(op: Op, delta: number | null, unit: string | null): Reading {
  return { spec: { kind: 'relative', op, delta, unit }, warnings: [] };
}

function relativeNotRead(text: string): Reading {
  return notRead('RELATIVE_NOT_READ', `“${text}”提到上年，但无法读出与上年比较的目标，按定性指标处理。`);
}
