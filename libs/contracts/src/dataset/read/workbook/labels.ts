/**
 * The labels of the 绩效目标表 layouts, as departments write them: full-width and half-width look-alikes
 * (（）() ：: ％%), spaces and line breaks anywhere, enumerations in front (`其中：`, `(1)`, `2、`).
 */

/** A label's text reduced for matching: NFKC (full-width → half-width), no whitespace, no enumeration in front, no colon after. */
export function labelKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^(?:\d{1,2}[、.)]|\(\d{1,2}\)|[一二三四五六七八九十]{1,2}、|其中[:、,]?)+/, '')
    .replace(/[:：]+$/, '');
}

/** The header-block fields a label may name. */
export type HeaderField =
  | 'projectName'
  | 'projectCode'
  | 'department'
  | 'unit'
  | 'category'
  | 'total'
  | 'fiscal'
  | 'other'
  | 'purpose'
  | 'goals'
  | 'spendingPlan'
  | 'tasks'
  | 'budgetTotal'
  | 'budgetBasic'
  | 'budgetProject'
  | 'amountSum'
  | 'group'; // a label that only groups others (资金金额, 预算情况): never a value

const HEADER_LABELS: { field: HeaderField; pattern: RegExp }[] = [
  { field: 'projectName', pattern: /^(?:项目名称|项目\(?名称\)?)$/ },
  { field: 'projectCode', pattern: /^(?:项目编码|项目代码|项目编号)$/ },
  { field: 'department', pattern: /^(?:主管部门(?:及代码|名称|\(代码\)|\(单位\))?|预算部门(?:名称)?|部门(?:\(单位\))?名称|部门单位名称|单位\(部门\)名称)$/ },
  { field: 'unit', pattern: /^(?:实施单位(?:名称|及代码)?|项目(?:实施)?单位|预算单位(?:名称)?)$/ },
  { field: 'category', pattern: /^(?:项目类别|项目类型|项目分类)$/ },
  { field: 'total', pattern: /^(?:年度资金总额|实施期资金总额|资金总额|项目资金总额|预算数|项目总额|资金总计|年度预算数|项目金额|年度资金)(?:\((?:万元|元)\))?$/ },
  { field: 'fiscal', pattern: /^(?:财政拨款|财政资金|财政性资金|政府预算资金|财政拨款资金)(?:\((?:万元|元)\))?$/ },
  { field: 'other', pattern: /^(?:其他资金|其它资金|其他来源资金)(?:\((?:万元|元)\))?$/ },
  { field: 'purpose', pattern: /^(?:资金用途|项目概况|项目简介|项目用途|项目主要内容|项目内容|预算规模及资金用途|资金用途及预算规模)$/ },
  { field: 'goals', pattern: /^(?:年度总体目标|总体目标|年度绩效目标|绩效目标|年度履职目标|年度目标|项目绩效目标|整体绩效目标|部门整体绩效目标|年度总目标)$/ },
  { field: 'spendingPlan', pattern: /^(?:资金支出计划|支出计划|用款计划|资金使用计划|资金支出进度计划)(?:\((?:%|万元|元)\))?$/ },
  { field: 'tasks', pattern: /^(?:年度主要任务|主要任务|年度重点工作任务|重点工作任务)$/ },
  { field: 'budgetTotal', pattern: /^(?:部门预算总额|预算总额|部门预算合计|收入预算合计|部门收入合计)(?:\((?:万元|元)\))?$/ },
  { field: 'budgetBasic', pattern: /^(?:基本支出)(?:\((?:万元|元)\))?$/ },
  { field: 'budgetProject', pattern: /^(?:项目支出)(?:\((?:万元|元)\))?$/ },
  { field: 'amountSum', pattern: /^(?:金额合计|合计|总计)$/ },
  {
    field: 'group',
    pattern: /^(?:资金金额|项目资金|资金情况|预算情况|资金来源|资金结构|年度绩效指标|绩效指标|预算金额|资金规模|预算规模|单位名称)(?:\((?:万元|元|%)\))?$/,
  },
];

/** The field a cell's text labels, with the value written in the same cell after a colon (`部门名称：沈丘县医疗保障局`). */
export function matchHeaderLabel(text: string): { field: HeaderField; inline: string | null; key: string } | null {
  const key = labelKey(text);
  const whole = HEADER_LABELS.find((label) => label.pattern.test(key));
  if (whole) return { field: whole.field, inline: null, key };
  const colon = /^([^:：]{2,16})[:：](.+)$/s.exec(text.normalize('NFKC').trim());
  if (colon) {
    const head = labelKey(colon[1]);
    const inline = HEADER_LABELS.find((label) => label.pattern.test(head));
    if (inline && inline.field !== 'group') return { field: inline.field, inline: text.slice(text.search(/[:：]/) + 1).trim(), key: head };
  }
  return null;
}

/** The columns of an indicator table. */
export type IndicatorColumn = 'level1' | 'level2' | 'name' | 'operator' | 'target' | 'unit' | 'weight' | 'description' | 'basis' | 'remark' | 'scoring';

// order matters: 指标值确定依据 and 指标值说明 start like 指标值
const INDICATOR_LABELS: { column: IndicatorColumn; pattern: RegExp }[] = [
  { column: 'level1', pattern: /^一级指标(?:名称)?$/ },
  { column: 'level2', pattern: /^二级指标(?:名称)?$/ },
  { column: 'basis', pattern: /^(?:指标值确定依据|指标值设定依据|目标值确定依据|确定依据|设定依据|指标来源|指标值依据)/ },
  { column: 'remark', pattern: /^(?:备注|指标值说明|说明)$/ },
  { column: 'scoring', pattern: /^(?:评\(扣\)分标准|评分标准|扣分标准|评分规则|评\(扣\)分办法|计分方法|评分办法)/ },
  { column: 'description', pattern: /^(?:指标解释|绩效指标描述|指标描述|指标说明|指标定义|指标内涵|指标解释说明)/ },
  { column: 'name', pattern: /^(?:三级指标(?:名称)?|指标内容|指标名称|绩效指标名称|具体指标|三级指标内容)$/ },
  { column: 'operator', pattern: /^(?:指标性质|运算符号?|指标方向|计算符号|比较符号?|符号)$/ },
  { column: 'target', pattern: /^(?:指标值|目标值|指标目标值|年度指标值|绩效指标值|预期目标值|年度目标值|绩效目标值|标准值|指标值\(.*\))$/ },
  { column: 'unit', pattern: /^(?:度量单位|计量单位|单位)$/ },
  { column: 'weight', pattern: /^(?:分值|权重|指标分值|指标权重|分值\(分\)|权重\(%\)|分数|标准分值)$/ },
];

/** The indicator column a header cell names, or null. */
export function matchIndicatorLabel(text: string): IndicatorColumn | null {
  const key = labelKey(text);
  return INDICATOR_LABELS.find((label) => label.pattern.test(key))?.column ?? null;
}

/** The money unit a label or a line states: `单位：万元`, `资金金额（万元）`, `预算金额(元)`. */
export function statedMoneyUnit(text: string): '万元' | '元' | null {
  const key = text.normalize('NFKC').replace(/\s+/g, '');
  const match = /(?:单位[:：]|\()(万元|元)(?:\)|$|[,;，；])/.exec(key) ?? /^(?:金额)?单位[:：]?(万元|元)/.exec(key);
  return match ? (match[1] as '万元' | '元') : null;
}

/** A department, a unit written with its code: `[962]汉阴县医疗保障局`, `962-汉阴县医疗保障局`, `汉阴县医疗保障局（962）`. */
export function splitCodeAndName(text: string): { code: string | null; name: string } {
  const trimmed = text.trim();
  const bracketed = /^[[【(（]\s*([0-9A-Za-z]{2,30})\s*[\]】)）]\s*[-—_:：]?\s*(.*)$/s.exec(trimmed);
  if (bracketed) return { code: bracketed[1], name: bracketed[2].trim() };
  const leading = /^(\d[0-9A-Za-z]{1,29})\s*(?:[-—_:：]|\s)\s*(\S.*)$/s.exec(trimmed);
  if (leading && !/^\d+年/.test(trimmed)) return { code: leading[1], name: leading[2].trim() };
  const trailing = /^(.+?)\s*[(（]\s*(\d[0-9A-Za-z]{1,29})\s*[)）]$/s.exec(trimmed);
  if (trailing) return { code: trailing[2], name: trailing[1].trim() };
  return { code: null, name: trimmed };
}
