import { Injectable } from '@nestjs/common';
import type { DatasetReading, ImportPreviewDataset } from '@jixiao/contracts';
import { OrganizationTreeService } from '../../organizations/services/organization-tree.service';
import { ScoringSchemeService } from '../../scoring-schemes/services/scoring-scheme.service';
import { DepartmentYearsService } from '../../target-sheets/services/department-years.service';
import type { CheckedDataset } from './preview-checks';
import { previewSheets } from './preview-sheets';

/** What the system already holds for a dataset: its department (if it exists), that year's sheets, the region's schemes. */
@Injectable()
export class PreviewContext {
  constructor(
    private readonly tree: OrganizationTreeService,
    private readonly departmentYears: DepartmentYearsService,
    private readonly schemes: ScoringSchemeService,
  ) {}

  async describe(c: CheckedDataset, reading: DatasetReading, index: number, mayImport: boolean): Promise<ImportPreviewDataset> {
    const base = {
      fiscalYear: c.fiscalYear ?? 0, region: c.region, mayImport,
      units: c.dataset?.units.map((u) => ({ code: u.code, name: u.name })) ?? [],
    };
    if (c.dataset === null) return { ...base, department: { ...c.department, id: null }, sheets: [] };
    const dataset = c.dataset;
    const bureau = dataset.region ? await this.tree.findBureau(dataset.region) : null;
    const department = bureau || dataset.region === null ? await this.tree.findChild(bureau, 'department', dataset.department.name) : null;
    const existing = department ? await this.departmentYears.existing(department.id, dataset.fiscalYear) : null;
    const schemeOf = async (kind: 'project' | 'department') =>
      (department
        ? await this.schemes.forSubject({ departmentId: department.id, fiscalYear: dataset.fiscalYear, kind })
        : await this.schemes.forBureau(bureau?.id ?? null, dataset.fiscalYear, kind)
      ).definition;
    const schemes = { project: await schemeOf('project'), department: await schemeOf('department') };
    return {
      ...base,
      department: { code: dataset.department.code, name: dataset.department.name, id: department?.id ?? null },
      sheets: previewSheets(dataset, reading.datasets[index]!.origins ?? [], existing, schemes),
    };
  }
}
