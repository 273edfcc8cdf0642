// Cells of a line whose columns a PDF extraction separated by single spaces (`数量指标 参保人数 参保人数
// ≤211269 人 调查了解`). A single space is also what the extraction puts between Chinese and digits or
// Latin words inside one cell (`≤211269 人`, `并于 3 月底完成`, `启动 DIP 实际支付工作`), so the pieces
// are glued back where the space cannot be a column boundary; a space between two Chinese words is one.
import { foldWidth } from './text-normalise';

const CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60“”‘’《》【】（）、，。；：！？]/;
const LATIN_WORD = /^[A-Za-z][A-Za-z0-9\-+/.]*$/;
const COMPARATOR_START = /^[≥≤<>=＞＜＝≧≦]/;

/** Words that lead a 指标值 written with a number (`比上年提高 ≥10%`, `不低于 90%`, `不晚于 12 月底`). */
const PREFIX_WORDS = '(?:比上年|较上年|同比)?(?:提高|增长|增加|降低|下降|减少)|不[低高少多早晚]于|不超过|达到|控制在';
/** Such words at the end of a cell: they belong to the 指标值 after it. */
const TARGET_PREFIX = new RegExp(`(${PREFIX_WORDS})$`);
const PREFIXED_NUMBER = new RegExp(`^(${PREFIX_WORDS})\\s*[≥≤<>=＞＜＝≧≦\\d]`);

/**
 * A cell that can only be a 指标值: `≥90 百分比`, `≤1.8 万元`, `100 百分比`, `70 万元`, `95%`, `不晚于 12 月底`
 * (a year such as `2024 年度` is a wrapped piece of text, not a 指标值).
 */
export function isStrongTarget(cell: string): boolean {
  const folded = foldWidth(cell).trim();
  if (COMPARATOR_START.test(folded) || PREFIXED_NUMBER.test(folded)) return true;
  return /^\d[\d,.]*\s*(%|‰|[\u4e00-\u9fff]{1,3})?$/.test(folded) && !/^(19|20)\d{2}\s*年/.test(folded);
}

/** `…数量 70 万元`: a number with a short unit at the end of a cell, the 指标值 run into the cell before. */
const TRAILING_TARGET = /^(.*[\u4e00-\u9fff）)。])\s+(\d[\d,.]*\s*(?:%|[\u4e00-\u9fff]{1,3}))$/;

function endsCjk(text: string): boolean {
  return CJK_CHAR.test(text[text.length - 1] ?? '');
}

function startsCjk(text: string): boolean {
  return CJK_CHAR.test(text[0] ?? '');
}

/** True where the space between `before` and `after` lies inside one cell. */
function gluedAcross(before: string, after: string): boolean {
  if (/^指标\s*\d+\s*[:：]?$/.test(before)) return true; // `指标1: 服务全县参保群众人数`: the numbering of a name
  if (/(^|\s)指标$/.test(before) && /^\d+\s*[:：]?$/.test(after)) return true; // `指标 1:`
  if (LATIN_WORD.test(after) || /(^|\s)[A-Za-z][A-Za-z0-9\-+/.]*$/.test(before)) return true; // `启动 DIP 实际支付工作`
  if (/[\d%]$/.test(before) && (startsCjk(after) || /^[%‰]/.test(after))) return true; // `90 百分比`, `2024 年度`
  // a bare number after Chinese: `每人 0.2 万元`, `并于 3 月底` (where a cell starts with a number, its unit
  // follows without a space: `2024年城乡…`, `100%`)
  return /^[\d.,]+$/.test(after) && endsCjk(before);
}

/**
 * The cells of one single-space separated line, in order. A 指标值 the extraction ran into the cell before
 * it (`年度财政部门拨款数量 70 万元`, `…水平。比上年提高 ≥10 百分比`) is split off when nothing else in the line
 * can be the 指标值.
 */
export function spacedCells(line: string): string[] {
  const words = line
    .replace(/\u00A0/g, ' ')
    .trim()
    .split(/[ \u3000]+/)
    .filter((word) => word !== '');
  const cells: string[] = [];
  for (const word of words) {
    const last = cells[cells.length - 1];
    if (last !== undefined && gluedAcross(last, word)) cells[cells.length - 1] = `${last} ${word}`;
    else cells.push(word);
  }
  for (let i = 0; i + 1 < cells.length; i += 1) {
    const prefix = TARGET_PREFIX.exec(cells[i]);
    if (prefix && COMPARATOR_START.test(foldWidth(cells[i + 1])) && prefix.index > 0) {
      cells[i + 1] = `${prefix[1]} ${cells[i + 1]}`;
      cells[i] = cells[i].slice(0, prefix.index);
    }
  }
  if (!cells.some(isStrongTarget)) {
    for (let i = cells.length - 1; i >= 0; i -= 1) {
      const trailing = TRAILING_TARGET.exec(cells[i]);
      if (trailing) {
        // `不晚于 12 月底` is one 指标值; `…较上年有所提高 20%` a name and its 指标值
        if (TARGET_PREFIX.exec(trailing[1])?.index !== 0) cells.splice(i, 1, trailing[1], trailing[2]);
        break;
      }
    }
  }
  return cells;
}

/** True for a line that may be single-space separated: no tab, no run of two spaces. */
export function isSingleSpaced(raw: string): boolean {
  return !/\t| {2,}|\u3000/.test(raw.trim());
}
