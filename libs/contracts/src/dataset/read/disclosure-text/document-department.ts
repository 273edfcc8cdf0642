// The department a published budget is about, where its 绩效目标表 do not name it (no 主管部门 row): the
// heading its budget tables repeat (`450 望都县医疗保障局 预算年度：2024 单位：万元`), else the most frequent
// department-like name of the text.
/** A department or unit name: an area, then a body (`望都县医疗保障局`, `某市卫生健康委员会`). */
const NAME = '[\\u4e00-\\u9fff]{1,12}?(?:自治县|自治州|县|市|区|旗|州|省)[\\u4e00-\\u9fff（）()]{1,20}?(?:局|委员会|委|办公室|中心|院|厅|所|站|馆|处|队)';
const CODED_HEADING = new RegExp(`^\\s*(\\d{3,9})\\s+(${NAME})(?=\\s|$)`);
const ANY_NAME = new RegExp(NAME, 'g');

export interface DocumentDepartment {
  name: string;
  code: string | null;
}

function mostFrequent<T>(items: T[], key: (item: T) => string): T | null {
  const counts = new Map<string, { item: T; count: number }>();
  for (const item of items) {
    const entry = counts.get(key(item)) ?? { item, count: 0 };
    entry.count += 1;
    counts.set(key(item), entry);
  }
  let best: { item: T; count: number } | null = null;
  for (const entry of counts.values()) if (best === null || entry.count > best.count) best = entry;
  return best?.item ?? null;
}

/** The department of the text (see above), or null when it names none. */
export function documentDepartment(text: string): DocumentDepartment | null {
  const lines = text.split(/\r\n?|\n/);
  const headings = lines.map((line) => CODED_HEADING.exec(line)).filter((match): match is RegExpExecArray => match !== null);
  const heading = mostFrequent(headings, (match) => `${match[1]} ${match[2]}`);
  if (heading !== null && headings.filter((match) => match[2] === heading[2]).length >= 2) return { name: heading[2], code: heading[1] };
  const names = lines.flatMap((line) => [...line.matchAll(ANY_NAME)].map((match) => match[0]));
  const name = mostFrequent(names, (found) => found);
  return name === null ? null : { name, code: null };
}
