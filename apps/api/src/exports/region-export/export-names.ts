/**
 * Names in a region's 自评表 zip (全地区自评表导出): a folder per department, the 自评表 named as the
 * single download names it, the 汇总表 at the top; and the zip's own name. Pure, for tests.
 */
import type { SelfAssessmentExportFormat } from '@jixiao/contracts';

/** Characters Windows and zip tools refuse in a name, and control characters, become '_'. */
export function safeFileName(name: string, maxLength = 120): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').replace(/\s+/g, ' ').trim().replace(/^\.+/, '_');
  const chars = [...cleaned]; // by code point: a Chinese name is never cut inside a character
  const cut = chars.length > maxLength ? chars.slice(0, maxLength).join('') : cleaned;
  return cut === '' ? '_' : cut;
}

/** What a 自评表 is about: the project, or 「<部门>部门整体支出」 for a department-wide sheet. */
export interface SelfAssessmentSubject {
  kind: 'project' | 'department';
  departmentName: string;
  projectName: string | null;
}

/** 「医保重点工作经费-2024年度绩效自评表.xlsx」, as the single download is named (reports.controller). */
export function selfAssessmentFileName(subject: SelfAssessmentSubject, fiscalYear: number, format: SelfAssessmentExportFormat): string {
  const what = subject.kind === 'department' ? `${subject.departmentName}部门整体支出` : (subject.projectName ?? '项目支出');
  return `${what}-${fiscalYear}年度绩效自评表.${format}`;
}

/** The 自评表's path in the zip: 「<部门>/<file name>」. */
export function selfAssessmentEntryName(subject: SelfAssessmentSubject, fiscalYear: number, format: SelfAssessmentExportFormat): string {
  const file = selfAssessmentFileName(subject, fiscalYear, format);
  return `${safeFileName(subject.departmentName)}/${safeFileName(file.slice(0, -(format.length + 1)))}.${format}`;
}

/** The 汇总表 at the top of the zip: 「神木市2024年度绩效自评汇总表.xlsx」. */
export function overviewEntryName(region: string, fiscalYear: number): string {
  return `${safeFileName(`${region}${fiscalYear}年度绩效自评汇总表`)}.xlsx`;
}

/** The zip's download name: 「神木市2024年度绩效自评表.zip」. */
export function exportZipName(region: string, fiscalYear: number): string {
  return `${safeFileName(`${region}${fiscalYear}年度绩效自评表`)}.zip`;
}

/**
 * Names made unique within one zip: a second 「a.xlsx」 in the same folder becomes 「a（2）.xlsx」
 * (two projects of a department may share a name). Keeps one entry per name used.
 */
export class UniqueNames {
  private readonly used = new Set<string>();

  take(name: string): string {
    let candidate = name;
    const dot = name.lastIndexOf('.');
    const [stem, extension] = dot > name.lastIndexOf('/') ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    for (let n = 2; this.used.has(candidate); n += 1) candidate = `${stem}（${n}）${extension}`;
    this.used.add(candidate);
    return candidate;
  }
}
