/** The interchange format `jixiao.dataset/v1` (shared/dataset-format.md). Amounts are decimal strings in 元. */
export const DATASET_FORMAT = 'jixiao.dataset/v1' as const;

export interface DatasetIndicator {
  level1: string; // 一级指标
  level2: string | null; // 二级指标
  name: string; // 三级指标
  description: string | null; // 绩效指标描述
  target: string; // 指标值, exactly as written
  basis: string | null; // 指标值确定依据
  remark: string | null; // 备注
}

export interface DatasetSpendingPoint {
  month: number; // 1..12
  cumulativeAmount: string; // 元
}

export interface DatasetTask {
  name: string;
  content: string | null;
  amount: string | null;
}

export interface DatasetDepartmentSheet {
  goals: string[];
  tasks: DatasetTask[];
  budget: { total: string | null; basic: string | null; project: string | null };
  indicators: DatasetIndicator[];
}

export interface DatasetProject {
  code: string | null;
  name: string;
  unitCode: string | null;
  category: string | null;
  amount: { total: string; fiscal: string | null; other: string | null };
  purpose: string | null;
  goals: string[];
  spendingPlan: DatasetSpendingPoint[];
  indicators: DatasetIndicator[];
}

/**
 * A budget unit (预算单位) under the department. `code` is null where the source names the unit without
 * its code (published tables often do): the unit is then matched by name within the department. A
 * project's `unitCode` can only refer to a unit that has a code.
 */
export interface DatasetUnit {
  code: string | null;
  name: string;
}

export interface Dataset {
  format: typeof DATASET_FORMAT;
  fiscalYear: number;
  source: string | null;
  region: string | null;
  department: { code: string | null; name: string };
  units: DatasetUnit[];
  departmentSheet: DatasetDepartmentSheet | null;
  projects: DatasetProject[];
}
