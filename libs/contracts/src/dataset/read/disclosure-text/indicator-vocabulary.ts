// The words of the national indicator framework (一级/二级指标) recognised wherever they stand in a row.
import { labelKey } from './text-normalise';

/** 一级指标 of the national layouts (项目支出 and 部门整体). */
const LEVEL1 = ['产出指标', '效益指标', '满意度指标', '成本指标', '投入管理指标', '投入指标', '过程指标', '管理指标', '效果指标', '影响指标'];

/** 二级指标 of the national layouts. `成本指标` is a 二级 under 产出指标 in the older layout. */
const LEVEL2 = [
  '数量指标',
  '质量指标',
  '时效指标',
  '经济效益指标',
  '社会效益指标',
  '生态效益指标',
  '可持续影响指标',
  '服务对象满意度指标',
  '经济成本指标',
  '社会成本指标',
  '生态环境成本指标',
  '社会公众满意度指标',
];

const LEVEL1_KEYS = new Set(LEVEL1);
const LEVEL2_KEYS = new Set(LEVEL2);

/** The 一级指标 a cell names (`产出 指标` → `产出指标`), or null. */
export function level1Of(cell: string): string | null {
  const key = labelKey(cell);
  return LEVEL1_KEYS.has(key) ? key : null;
}

/** The 二级指标 a cell names, or null (`成本指标` is answered by {@link level1Of} too). */
export function level2Of(cell: string): string | null {
  const key = labelKey(cell);
  return LEVEL2_KEYS.has(key) || key === '成本指标' ? key : null;
}

/** A 一级指标 written in a 一级 column though not in the list: a short word ending in 指标 (`投入管理指标`). */
export function looksLikeLevel1(cell: string): boolean {
  return /^[\u4e00-\u9fff]{1,8}指标$/.test(labelKey(cell)) && level2Of(cell) === null;
}

/** Template rows that are not indicators: `指标 1:`, `指标2：`, `.....`, `目标1： 目标2：`. */
export function isPlaceholder(cell: string): boolean {
  const key = labelKey(cell);
  return key === '' || /^[.．。…·、-]+$/.test(key) || /^(指标\d*[:：]?)+$/.test(key) || /^(目标\d*[:：]?\.*)+$/.test(key);
}

/** `指标1：保障人员类经费发放人数` → `保障人员类经费发放人数` (the numbering of a template, not the name). */
export function stripIndicatorNumbering(name: string): string {
  return name.replace(/^\s*指标\s*\d+\s*[:：]\s*/, '').trim();
}
