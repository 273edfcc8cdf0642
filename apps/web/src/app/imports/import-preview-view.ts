import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ImportPreviewDataset, ImportPreviewResponse, ImportPreviewSheet } from '@jixiao/contracts/api/imports.contract';
import { formatTargetSpec } from '@jixiao/domain/format-target-spec';
import { yuanToWan } from '@jixiao/domain/money';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

/** Where a reader found a sheet, as a user reads it: 工作表「表14-1」第 4 行, or 第 12 行 of a pasted text. */
export function originLabel(sheet: ImportPreviewSheet): string {
  const origin = sheet.origin;
  if (origin === null) return '';
  return origin.tab !== null ? `工作表「${origin.tab}」第 ${origin.row} 行` : `文本第 ${origin.row} 行`;
}

/** What the preview says about the dataset's department: found in the system, or created by the commit. */
export function departmentNote(dataset: ImportPreviewDataset): string {
  if (dataset.department.id !== null) return `已有部门「${dataset.department.name}」：导入到该部门`;
  const where = dataset.region ? `「${dataset.region}」财政局下` : '系统中';
  return `${where}没有名为「${dataset.department.name}」的部门：确认导入将新建该部门。若该部门已存在但名称不同，请先核对表中的主管部门名称`;
}

/** 元 as 万元 for the preview (null: not stated). */
export function wanText(yuan: string | null): string {
  return yuan === null ? '未注明' : `${yuanToWan(yuan, 2)} 万元`;
}

/**
 * The preview of an import: blockers, what could not be read (by 工作表/行/列), and for each department's
 * year its sheets — each with 已存在 when it is already in the system, its indicators (the target as
 * written, as parsed, and the parser's warnings) and the review findings.
 */
@Component({
  selector: 'jx-import-preview-view',
  imports: [NzAlertModule, NzTableModule, NzTagModule],
  templateUrl: './import-preview-view.html',
  styleUrl: './import-preview-view.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPreviewView {
  readonly preview = input.required<ImportPreviewResponse>();

  protected readonly formatSpec = formatTargetSpec;
  protected readonly originLabel = originLabel;
  protected readonly departmentNote = departmentNote;
  protected readonly wanText = wanText;

  protected readonly sheetCount = computed(() => this.preview().datasets.reduce((n, d) => n + d.sheets.length, 0));
  protected readonly existingCount = computed(() => this.preview().datasets.reduce((n, d) => n + d.sheets.filter((s) => s.exists).length, 0));
  protected readonly warningCount = computed(() =>
    this.preview().datasets.reduce((n, d) => n + d.sheets.reduce((m, s) => m + s.indicators.filter((i) => i.warnings.length > 0).length, 0), 0));
}
