// Text normalisation for reading published 绩效目标表 pasted as text: full-width/half-width
// look-alikes folded for matching, and the spaces a PDF extraction leaves inside wrapped Chinese text.

/** Full-width → half-width for matching only (（）：，％０-９Ａ-Ｚ ＞＝ …); the text kept is never folded. */
export function foldWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/≧/g, '≥')
    .replace(/≦/g, '≤');
}

/** The key a label is matched by: folded, without any whitespace. `项目名称 ：` → `项目名称:`. */
export function labelKey(text: string): string {
  return foldWidth(text).replace(/\s+/g, '');
}

/** A CJK ideograph or CJK punctuation (where a space is a PDF line break, not a word gap). */
const CJK = '[\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\u3000-\\u303F“”‘’【】（）《》、，。；：！？]';
const CJK_GAP = new RegExp(`(${CJK})[ \\t\\u00A0\\u3000]+(?=${CJK})`, 'g');

/**
 * Joins the pieces of a cell a PDF extraction broke: spaces between two Chinese characters are line
 * breaks inside the cell (`医疗救助对象 人次规模` → `医疗救助对象人次规模`); a space next to a digit or a
 * Latin letter is kept (`≤1300 万元`, `启动 DIP 实际支付工作`). Leading/trailing whitespace is trimmed.
 */
export function closeCjkGaps(text: string): string {
  return text.replace(CJK_GAP, '$1').trim();
}

/** Appends a wrapped fragment of a cell to what came before (a line break inside a cell adds nothing, but between two Latin words a space). */
export function joinFragment(before: string, fragment: string): string {
  if (before === '') return fragment;
  if (fragment === '') return before;
  // a word cut by the wrap is joined again; a digit and a digit are one number (`≥9` + `0%`)
  const needsSpace = /[A-Za-z]$/.test(before) && /^[A-Za-z]/.test(fragment);
  return closeCjkGaps(before + (needsSpace ? ' ' : '') + fragment);
}
