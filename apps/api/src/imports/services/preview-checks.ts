import { checkDatasetMoneyRules, Dataset, DatasetError, ImportBlocker, ReadDataset, validateDataset } from '@jixiao/contracts';

/** A dataset as read, judged by the interchange format and the editor's money rules. */
export interface CheckedDataset {
  /** The dataset when it is a valid `jixiao.dataset/v1` dataset; null when its shape is broken. */
  dataset: Dataset | null;
  errors: DatasetError[];
  money: DatasetError[];
  /** The region and the year as far as they can be read, even from a broken dataset (for the preview's heading and the permission). */
  region: string | null;
  fiscalYear: number | null;
  department: { code: string | null; name: string };
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;

/** validateDataset, then (on a valid one) checkDatasetMoneyRules: what the JSON import refuses, as data. */
export function checkReadDataset(read: ReadDataset): CheckedDataset {
  const input: unknown = read.dataset;
  const validation = validateDataset(input);
  const year = field(input, 'fiscalYear');
  const base = {
    region: text(field(input, 'region')),
    fiscalYear: typeof year === 'number' && Number.isInteger(year) ? year : null,
    department: { code: text(field(field(input, 'department'), 'code')), name: text(field(field(input, 'department'), 'name')) ?? '' },
  };
  if (!validation.ok) return { ...base, dataset: null, errors: validation.errors, money: [] };
  return { ...base, dataset: validation.dataset, errors: [], money: checkDatasetMoneyRules(validation.dataset) };
}

/**
 * Why a reading cannot be committed: nothing read; a dataset breaking the format or the money rules; a
 * department the caller may not import into. The preview shows them; the commit refuses while any is left.
 * The reader's own problems do not block: they name what was left out, which the preview lists.
 */
export function importBlockers(checked: readonly CheckedDataset[], mayImport: readonly boolean[]): ImportBlocker[] {
  if (checked.length === 0) {
    return [{ code: 'NOTHING_READ', message: '没有读到任何绩效目标表，请检查文件或文本的内容', dataset: null, errors: [] }];
  }
  const blockers: ImportBlocker[] = [];
  checked.forEach((c, i) => {
    const name = c.department.name || `第 ${i + 1} 个部门`;
    if (c.errors.length > 0) {
      blockers.push({ code: 'FORMAT_ERRORS', message: `「${name}」的数据有误（共 ${c.errors.length} 处），第一处：${chinese(c.errors[0]!.message)}`, dataset: i, errors: c.errors });
    }
    if (c.money.length > 0) {
      blockers.push({ code: 'MONEY_RULES', message: `「${name}」的金额有误（共 ${c.money.length} 处），第一处：${chinese(c.money[0]!.message)}`, dataset: i, errors: c.money });
    }
    if (!mayImport[i]) {
      blockers.push({ code: 'NO_IMPORT_RIGHT', message: `您无权导入「${c.region ?? '未注明地区'}」的「${name}」：财政审核只能导入本辖区的数据，主管部门只能导入本部门（名称须与系统中的部门一致）的数据`, dataset: i, errors: [] });
    }
  });
  return blockers;
}

/** The Chinese of a bilingual dataset message (`… / English`). */
function chinese(message: string): string {
  const cut = message.lastIndexOf(' / ');
  return cut > 0 ? message.slice(0, cut) : message;
}
