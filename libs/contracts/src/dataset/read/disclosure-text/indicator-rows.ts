// Reading the indicator rows of a 绩效目标表 (一级 / 二级 / 三级指标, 指标值 …) whose columns are named
// by a header row. Merged 一级/二级 cells are carried down; cells are placed by their column where the
// row keeps the header's columns, and by their order where a PDF extraction shifted them.
import type { DatasetIndicator } from '../../dataset.types';
import type { ReadProblem } from '../dataset-reading';
import { isPlaceholder, level1Of, level2Of, looksLikeLevel1, stripIndicatorNumbering } from './indicator-vocabulary';
import { closeCjkGaps, foldWidth, joinFragment, labelKey } from './text-normalise';
import { filledCells, type TextRow } from './text-rows';

export type Role = 'level1' | 'level2' | 'name' | 'description' | 'target' | 'basis' | 'remark';
type TextRole = Exclude<Role, 'level1' | 'level2'>;

const HEADER_ROLES: [RegExp, Role][] = [
  [/^一级指标/, 'level1'],
  [/^二级指标/, 'level2'],
  [/^(三级指标|指标内容|指标名称)/, 'name'],
  [/^(绩效指标描述|指标解释|指标描述)/, 'description'],
  [/^指标值确定依据|^确定依据/, 'basis'],
  [/^(指标值说明|备注)/, 'remark'],
  [/^(指标值|目标值)/, 'target'],
];

/** True for a header row of an indicator table: it names 一级指标 and 二级指标 (or 三级指标) and 指标值. */
export function isIndicatorHeader(row: TextRow): boolean {
  const keys = row.cells.map(labelKey);
  return keys.some((key) => key.startsWith('一级指标')) && keys.some((key) => /^(二级指标|三级指标)/.test(key)) && keys.some((key) => key.startsWith('指标值'));
}

/** The role a header label names (`指标值确定依据` → basis), or null. */
export function headerRoleOf(label: string): Role | null {
  const key = labelKey(label);
  return HEADER_ROLES.find(([pattern]) => pattern.test(key))?.[1] ?? null;
}

/** The role of each column of a header row (indexes without a role are absent). */
export function headerRoles(row: TextRow): Map<number, Role> {
  const roles = new Map<number, Role>();
  row.cells.forEach((cell, index) => {
    const key = labelKey(cell);
    const match = HEADER_ROLES.find(([pattern]) => pattern.test(key));
    if (match && ![...roles.values()].includes(match[1])) roles.set(index, match[1]);
  });
  return roles;
}

/** Reads indicator rows one by one; call {@link IndicatorRowReader.read} for each row after the header. */
export class IndicatorRowReader {
  private readonly rows: DatasetIndicator[] = [];
  private level1: string | null = null;
  private level2: string | null = null;
  private lastRowWasIndicator = false;
  private readonly textRoles: TextRole[];

  constructor(
    private readonly roles: Map<number, Role>,
    private readonly problems: ReadProblem[],
  ) {
    this.textRoles = [...roles.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, role]) => role)
      .filter((role): role is TextRole => role !== 'level1' && role !== 'level2');
  }

  /** The indicators read; one whose name was only its numbering (`指标2：`, the rest never came) is none. */
  get indicators(): DatasetIndicator[] {
    return this.rows.filter((indicator) => indicator.name !== '');
  }

  read(row: TextRow): void {
    const cells = filledCells(row).filter((cell) => !/^(年度)?绩效指标$/.test(labelKey(cell.text)));
    if (cells.length === 0) return;
    const levelsInRow = this.peelLevels(cells);
    const rest = cells.slice(levelsInRow.count);
    const meaningful = rest.filter((cell) => !isPlaceholder(cell.text));
    if (meaningful.length === 0) {
      this.lastRowWasIndicator = false;
      return;
    }
    const placed = this.placeByColumn(rest, levelsInRow) ?? this.placeInOrder(rest);
    if (placed.level1 !== undefined) this.setLevel1(placed.level1);
    if (placed.level2 !== undefined) this.level2 = placed.level2;
    // `指标1` alone is a name cut right after its numbering (`指标1：` … wrapped): completed by the lines below
    const name = placed.name === undefined || /^指标\s*\d+\s*[:：]?$/.test(placed.name.trim()) ? '' : stripIndicatorNumbering(closeCjkGaps(placed.name));
    const target = placed.target === undefined ? '' : closeCjkGaps(placed.target);
    const previous = this.rows[this.rows.length - 1];
    if (levelsInRow.count === 0 && this.lastRowWasIndicator && previous !== undefined && meaningful.length === 2 && continuesTarget(previous.target, meaningful[1].text)) {
      previous.name = previous.name === '' ? meaningful[0].text.replace(/^\s*[:：]\s*/, '') : joinFragment(previous.name, meaningful[0].text);
      previous.target = joinFragment(previous.target, meaningful[1].text);
      return;
    }
    if (target !== '' && (name !== '' ? !isPlaceholder(name) : /^指标\s*\d+\s*[:：]?\s*$/.test(placed.name ?? ''))) {
      // a name cut right after its numbering (`指标2：` | 指标值) is completed by the lines below
      this.add(row, name, target, placed);
      return;
    }
    if (levelsInRow.count === 0 && this.lastRowWasIndicator && this.appendFragments(rest)) return;
    if (isPlaceholder(name) || name === '') return;
    this.lastRowWasIndicator = false;
    this.problems.push(problem('INDICATOR_WITHOUT_TARGET', `第 ${row.line} 行：指标「${name}」没有指标值，未导入`, 'warning', row.line));
  }

  private setLevel1(level1: string): void {
    this.level1 = level1;
    this.level2 = null;
  }

  /** 一级/二级指标 at the start of the row, recognised by their words wherever they stand. */
  private peelLevels(cells: { index: number; text: string }[]): { count: number; level1: boolean; level2: boolean } {
    let count = 0;
    let level1 = false;
    let level2 = false;
    for (let i = 0; i < cells.length; i += 1) {
      const text = cells[i].text;
      const asLevel1 = level1Of(text);
      const asLevel2 = level2Of(text);
      if (asLevel1 === null && asLevel2 === null) break;
      const nextIsLevel2 = i + 1 < cells.length && level2Of(cells[i + 1].text) !== null && level1Of(cells[i + 1].text) === null;
      const costUnderOutput = asLevel2 === '成本指标' && this.level1 === '产出指标' && !level1 && !nextIsLevel2;
      if (asLevel1 !== null && !costUnderOutput && !level1 && (asLevel2 === null || asLevel2 === '成本指标')) {
        this.setLevel1(asLevel1);
        level1 = true;
      } else if (asLevel2 !== null && !level2) {
        this.level2 = asLevel2;
        level2 = true;
      } else break;
      count += 1;
    }
    return { count, level1, level2 };
  }

  /** Places the cells by the header's columns; null when the row does not keep them. */
  private placeByColumn(cells: { index: number; text: string }[], levels: { level1: boolean; level2: boolean }): Partial<Record<Role, string>> | null {
    const placed: Partial<Record<Role, string>> = {};
    for (const cell of cells) {
      const role = this.roles.get(cell.index);
      if (role === undefined || placed[role] !== undefined) return null;
      if (role === 'level1' && (levels.level1 || !looksLikeLevel1(cell.text))) return null;
      if (role === 'level2' && levels.level2) return null;
      placed[role] = role === 'level1' || role === 'level2' ? closeCjkGaps(cell.text) : cell.text;
    }
    if (placed.name === undefined || placed.target === undefined) return null;
    return placed;
  }

  /** Places the cells in the header's order of text columns: name, then 指标值, then the others. */
  private placeInOrder(cells: { index: number; text: string }[]): Partial<Record<Role, string>> {
    const placed: Partial<Record<Role, string>> = {};
    const texts = cells.map((cell) => cell.text);
    if (texts.length >= this.textRoles.length) {
      this.textRoles.forEach((role, i) => (placed[role] = texts[i]));
      if (texts.length > this.textRoles.length) placed.remark = [placed.remark, ...texts.slice(this.textRoles.length)].filter(Boolean).join(' ');
      return placed;
    }
    placed.name = texts[0];
    if (texts.length > 1) placed.target = texts[1];
    const after = this.textRoles.slice(this.textRoles.indexOf('target') + 1).filter((role) => role !== 'name');
    texts.slice(2).forEach((text, i) => {
      const role = after[i] ?? 'remark';
      placed[role] = placed[role] === undefined ? text : `${placed[role]} ${text}`;
    });
    return placed;
  }

  /** A row with part of a cell only (a line break inside a cell): joined to the indicator above. */
  private appendFragments(cells: { index: number; text: string }[]): boolean {
    const last = this.rows[this.rows.length - 1];
    if (last === undefined) return false;
    for (const cell of cells) {
      const role = this.roles.get(cell.index) ?? 'name';
      if (role === 'level1' || role === 'level2') return false;
      const field = role === 'name' ? 'name' : role;
      last[field] = field === 'name' ? stripIndicatorNumbering(joinFragment(last.name, cell.text)) : joinFragment(last[field] ?? '', cell.text);
    }
    return true;
  }

  private add(row: TextRow, name: string, target: string, placed: Partial<Record<Role, string>>): void {
    if (this.level1 === null) {
      this.problems.push(problem('INDICATOR_WITHOUT_LEVEL1', `第 ${row.line} 行：指标「${name}」前没有一级指标，未导入`, 'error', row.line));
      this.lastRowWasIndicator = false;
      return;
    }
    const optional = (value: string | undefined): string | null => (value === undefined || value.trim() === '' ? null : closeCjkGaps(value));
    this.rows.push({
      level1: this.level1,
      level2: this.level2,
      name,
      description: optional(placed.description),
      target,
      basis: optional(placed.basis),
      remark: optional(placed.remark),
    });
    this.lastRowWasIndicator = true;
  }
}

/** Units a 指标值 ends with, which cannot start one. */
const UNIT_START = /^(%|‰|万元|元|万|个?工作日?|人次|人|次|个|天|日|月|年|户|家|项|件|所|台|套|篇|场|期|批|平方米|公里|亩|小时|分钟|钟|米|吨|\/)/;

/**
 * True where a 指标值 cell continues the one above rather than starting a row (a PDF wrapped a row's 指标值
 * together with its name): `≥90` then `%`, `>26` then `万人`, `≥57.` then `6元/人`, `≥` then `90%`.
 */
export function continuesTarget(above: string, fragment: string): boolean {
  const before = foldWidth(above).trim();
  const after = foldWidth(fragment).trim();
  if (before === '' || after === '') return false;
  if (/^[≥≤<>=]+$/.test(before)) return true;
  if (/^[./)）%‰]/.test(after) || /\/$/.test(before)) return true; // `≥90` + `%`, `元/` + `人/年`
  if (/[\d.]$/.test(before) && /^\d/.test(after)) return true;
  if (/\d\s*(小|平方|立方|公|千|百|个?工作)$/.test(before)) return true; // a unit cut: `24 小` + `时内`, `≤20工作` + `日`
  if (/\d\s*万$/.test(before) && /^(人|元|户|亩|次|个|平方|公里|吨)/.test(after)) return true; // `>26万` + `人`
  if (/\d/.test(before) && /^(钟|份|前|后|内|以上|以下|以内)/.test(after)) return true; // `≤30 分` + `钟`, `6月份` + `前`
  return /\d$/.test(before) && UNIT_START.test(after);
}

/** A problem of pasted text (no tab, no column). */
export function problem(code: string, message: string, severity: 'error' | 'warning', row: number | null): ReadProblem {
  return { code, message, severity, tab: null, row, column: null };
}
