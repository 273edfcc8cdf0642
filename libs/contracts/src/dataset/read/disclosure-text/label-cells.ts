// The label / value cells of a table's header block: `项目名称 | | 医保重点工作经费`, `部门名称：沈丘县医疗保障局`.
import { labelKey } from './text-normalise';
import { filledCells, type TextRow } from './text-rows';

/** One label of a header block with the filled cells after it in its row. */
export interface LabelledCells {
  key: string;
  values: string[];
}

/** A row read as labels each followed by its values; a `label：value` cell is split. */
export function labelledCells(row: TextRow, isLabel: (key: string) => boolean): LabelledCells[] {
  const out: LabelledCells[] = [];
  for (const cell of filledCells(row)) {
    const split = /^([^:：]{2,14})[:：]\s*(.+)$/.exec(cell.text);
    if (split && isLabel(labelKey(split[1]))) {
      out.push({ key: labelKey(split[1]), values: [split[2].trim()] });
      continue;
    }
    const key = labelKey(cell.text);
    if (isLabel(key)) out.push({ key: key.replace(/[:：]$/, ''), values: [] });
    else if (out.length > 0) out[out.length - 1].values.push(cell.text);
    else out.push({ key: '', values: [cell.text] });
  }
  return out;
}

/** Strips what a department's name carries in a summary: `许昌市医疗保障局（汇总）` → `许昌市医疗保障局`. */
export function departmentName(text: string): string {
  return text.replace(/\s*[（(](汇总|本级|部门汇总)[)）]\s*$/, '').trim();
}

/**
 * A single-space separated row cut into cells at the words that are labels (`项目编码 1306… 项目名称 医疗救助`
 * → 项目编码 | 1306… | 项目名称 | 医疗救助); a label the PDF broke in two words (`其中：财政 资金`) is joined.
 */
export function spacedLabelCells(text: string, isLabel: (key: string) => boolean): string[] {
  const whole = (key: string): boolean => isLabel(key) && key.length <= 12;
  const words = text.trim().split(/\s+/);
  const cells: string[] = [];
  let value: string[] = [];
  const flush = (): void => {
    if (value.length > 0) cells.push(value.join(' '));
    value = [];
  };
  for (let i = 0; i < words.length; i += 1) {
    const key = labelKey(words[i]);
    if (whole(key)) {
      flush();
      cells.push(words[i]);
    } else if (i + 1 < words.length && whole(key + labelKey(words[i + 1])) && !/\d/.test(words[i + 1])) {
      flush();
      cells.push(words[i] + words[i + 1]);
      i += 1;
    } else value.push(words[i]);
  }
  flush();
  return cells;
}
