/**
 * The indicator rows of the editor, kept grouped as the national target table is: the rows of one
 * 一级指标 together, and inside it the rows of one 二级指标 together (`''` = no 二级指标). Groups keep
 * the order in which they first appear; rows keep their order inside a group. The saved order of the
 * indicators is the order of these rows.
 */
export interface GroupedRow {
  level1: string; // 一级指标
  level2: string; // 二级指标, '' when none
}

/** Row spans of the merged 一级/二级 cells; 0 where an earlier row of the group already shows the cell. */
export interface GroupSpan {
  level1Span: number;
  level2Span: number;
}

/** The usual 一级/二级指标 of the national templates, offered first; groups already in the sheet follow. */
export const LEVEL2_BY_LEVEL1: Readonly<Record<string, readonly string[]>> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
};

/** 一级指标 to choose from: the usual ones, then those the rows use (each once). */
export function level1Choices(rows: readonly GroupedRow[]): string[] {
  return unique([...Object.keys(LEVEL2_BY_LEVEL1), ...rows.map((r) => r.level1.trim()).filter((v) => v !== '')]);
}

/** 二级指标 to choose from under a 一级指标: the usual ones, then those its rows use. */
export function level2Choices(rows: readonly GroupedRow[], level1: string): string[] {
  const used = rows.filter((r) => r.level1 === level1).map((r) => r.level2.trim()).filter((v) => v !== '');
  return unique([...(LEVEL2_BY_LEVEL1[level1] ?? []), ...used]);
}

/** Reorders rows so that every 一级 group, and every 二级 group inside it, is contiguous (stable). */
export function groupRows<T extends GroupedRow>(rows: readonly T[]): T[] {
  const level1Groups = new Map<string, Map<string, T[]>>();
  for (const row of rows) {
    let level2Groups = level1Groups.get(row.level1);
    if (level2Groups === undefined) {
      level2Groups = new Map();
      level1Groups.set(row.level1, level2Groups);
    }
    const group = level2Groups.get(row.level2);
    if (group === undefined) level2Groups.set(row.level2, [row]);
    else group.push(row);
  }
  return [...level1Groups.values()].flatMap((level2Groups) => [...level2Groups.values()].flat());
}

/** The spans of the merged cells over rows as they stand (contiguous runs of the same 一级, then 二级). */
export function groupSpans(rows: readonly GroupedRow[]): GroupSpan[] {
  return rows.map((row, index) => {
    const previous = rows[index - 1];
    const startsLevel1 = previous === undefined || previous.level1 !== row.level1;
    const startsLevel2 = startsLevel1 || previous.level2 !== row.level2;
    return {
      level1Span: startsLevel1 ? runLength(rows, index, (r) => r.level1 === row.level1) : 0,
      level2Span: startsLevel2 ? runLength(rows, index, (r) => r.level1 === row.level1 && r.level2 === row.level2) : 0,
    };
  });
}

/**
 * Inserts a row at the end of its group: after the last row of the same 一级/二级, else at the end of
 * its 一级 group (a new 二级 group), else at the end of the table (a new 一级 group).
 */
export function insertInGroup<T extends GroupedRow>(rows: readonly T[], row: T): T[] {
  const result = [...rows];
  result.splice(insertionIndex(result, row), 0, row);
  return result;
}

/**
 * Gives the picked rows a new 一级 and/or 二级指标 and moves them, in their order, to the end of the
 * group they now belong to; the other rows stay where they are. Picked rows that already belong there
 * do not move.
 */
export function moveToGroup<T extends GroupedRow>(rows: readonly T[], pick: (row: T) => boolean, patch: Partial<GroupedRow>): T[] {
  const moving = rows.filter((row) => pick(row) && ((patch.level1 !== undefined && patch.level1 !== row.level1) || (patch.level2 !== undefined && patch.level2 !== row.level2)));
  if (moving.length === 0) return [...rows];
  let result = rows.filter((row) => !moving.includes(row));
  for (const row of moving) result = insertInGroup(result, { ...row, ...patch });
  return groupRows(result);
}

function insertionIndex(rows: readonly GroupedRow[], row: GroupedRow): number {
  const sameGroup = lastIndexWhere(rows, (r) => r.level1 === row.level1 && r.level2 === row.level2);
  if (sameGroup >= 0) return sameGroup + 1;
  const sameLevel1 = lastIndexWhere(rows, (r) => r.level1 === row.level1);
  return sameLevel1 >= 0 ? sameLevel1 + 1 : rows.length;
}

function lastIndexWhere(rows: readonly GroupedRow[], test: (row: GroupedRow) => boolean): number {
  for (let i = rows.length - 1; i >= 0; i--) if (test(rows[i])) return i;
  return -1;
}

function runLength(rows: readonly GroupedRow[], start: number, same: (row: GroupedRow) => boolean): number {
  let end = start;
  while (end < rows.length && same(rows[end])) end++;
  return end - start;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
