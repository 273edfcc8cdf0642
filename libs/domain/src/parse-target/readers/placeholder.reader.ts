/**
 * Template leftovers (模板占位内容): a target the author never filled in — `≥**`, `**元`, `XX`,
 * `xx人`, `X%`, `×××`, `指标值`, `…`, `（填写）`. Read as qualitative with a PLACEHOLDER warning,
 * never as a number. Runs on the compact text (half-width, no whitespace), before any other reader.
 */
import { leadingUnit } from '../../units';
import { notRead, Reading } from '../reading';

/** Template labels that stand alone as the whole target. */
const TEMPLATE_TARGETS: readonly string[] = [
  '指标值', '目标值', '年度指标值', '年度目标值', '指标值(包含数字及文字描述)', '具体指标值', '具体数值', '数值',
  '请填写', '请输入', '填写', '(填写)', '【填写】', '待定', '待填', '待填写', '待补充', '待确定',
];

/** Where a number should be: after the start, a sign or an operator word; before the end, a unit or a bound. */
const AFTER_NUMBER = /^(?:$|%|‰|\.|-|至|到|以上|以下|以内|之内|内|左右|年|月|日|号|前|底|末|万|亿|千|百)/;

/** Marks that stand for a missing number: X, ×, *, ?, ○, □, 某 (when not part of a word or unit). */
const MARKS = /\*+|(?<![A-Za-z])[Xx]+(?![A-Za-z])|×+|\?+|[○□◯△]+|〇{2,}|某{1,2}|_{2,}/g;

/** What may stand before a single mark (`≥X%`, `X人`, `不低于*%`): the start, a sign or an operator word. */
const SINGLE_MARK_BEFORE = /(?:^|[≥≤<>=:≈-]|于|到|达|为|在|少|多|过|约|至|共|计|度|月|年|季|周)$/;

const ANY_MARK = /[*Xx×?○□◯△〇某_]/;

/** The placeholder left in the target, or `null`. */
export function findPlaceholder(compact: string): string | null {
  if (TEMPLATE_TARGETS.includes(compact)) return compact;
  if (/^(?:指标|目标)\d*[:.、]/.test(compact) && compact.length <= 6) return compact;
  if (/^[.。…·,、]+$/.test(compact) && (compact.length >= 2 || compact === '…')) return compact;
  const filler = /\((?:请)?(?:填写|输入|填报)[^()]*\)|【(?:请)?(?:填写|输入)[^【】]*】|\.{3,}|…+|。{3,}/.exec(compact);
  if (filler !== null) return filler[0];
  if (!ANY_MARK.test(compact)) return null;
  for (const mark of compact.matchAll(MARKS)) {
    const start = mark.index ?? 0;
    const text = mark[0];
    if (isUnitSeparator(compact, start, text)) continue;
    if (text.length >= 2 && !text.startsWith('某')) return text;
    if (SINGLE_MARK_BEFORE.test(compact.slice(0, start)) && numberPosition(compact, start, text)) return text;
  }
  return null;
}

/** `元/人*月`, `元/人×月`: one `*` or `×` between two units is a separator, not a placeholder. */
function isUnitSeparator(compact: string, start: number, mark: string): boolean {
  if (mark !== '*' && mark !== '×') return false;
  const before = compact.slice(0, start);
  const after = compact.slice(start + 1);
  return /[\u4e00-\u9fff)]$/.test(before) && /^[\u4e00-\u9fff(]/.test(after);
}

/** The mark stands where a number would: a unit, a bound or the end follows it. */
function numberPosition(compact: string, start: number, mark: string): boolean {
  const after = compact.slice(start + mark.length).replace(/^\d+/, '');
  if (AFTER_NUMBER.test(after)) return true;
  return leadingUnit(after) !== null;
}

/** PLACEHOLDER: the template was not filled in. */
export function readPlaceholder(compact: string, trimmed: string): Reading | undefined {
  const found = findPlaceholder(compact);
  if (found === null) return undefined;
  return notRead(
    'PLACEHOLDER',
    `指标值“${trimmed}”含有模板占位内容“${found}”，模板未填写实际的目标值，按定性指标处理，请填写实际目标值。`,
  );
}
