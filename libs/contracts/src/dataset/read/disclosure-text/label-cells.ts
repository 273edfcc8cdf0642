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
