import { exportZipName, overviewEntryName, safeFileName, selfAssessmentEntryName, selfAssessmentFileName, UniqueNames } from './export-names';

describe('region export names', () => {
  const project = { kind: 'project' as const, departmentName: '汉阴县医疗保障局', projectName: '医保重点工作经费' };

  it('names a 自评表 as the single download does, in its department’s folder', () => {
    expect(selfAssessmentFileName(project, 2024, 'xlsx')).toBe('医保重点工作经费-2024年度绩效自评表.xlsx');
    expect(selfAssessmentEntryName(project, 2024, 'pdf')).toBe('汉阴县医疗保障局/医保重点工作经费-2024年度绩效自评表.pdf');
    expect(selfAssessmentEntryName({ kind: 'department', departmentName: '汉阴县教育局', projectName: null }, 2024, 'xlsx')).toBe(
      '汉阴县教育局/汉阴县教育局部门整体支出-2024年度绩效自评表.xlsx',
    );
  });

  it('keeps slashes and other forbidden characters out of folder and file names', () => {
    expect(selfAssessmentEntryName({ kind: 'project', departmentName: '甲/乙局', projectName: '“示范”项目: A/B*?' }, 2024, 'xlsx')).toBe(
      '甲_乙局/“示范”项目_ A_B__-2024年度绩效自评表.xlsx',
    );
    expect(safeFileName('..\u0001隐藏')).toBe('__隐藏');
    expect(safeFileName('   ')).toBe('_');
    expect([...safeFileName('项'.repeat(300))]).toHaveLength(120);
  });

  it('names the 汇总表 and the zip after the region and year', () => {
    expect(overviewEntryName('神木市', 2024)).toBe('神木市2024年度绩效自评汇总表.xlsx');
    expect(exportZipName('神木市', 2024)).toBe('神木市2024年度绩效自评表.zip');
  });

  it('numbers a second entry of the same name in the same folder', () => {
    const sut = new UniqueNames();
    expect(sut.take('局/项目-2024年度绩效自评表.xlsx')).toBe('局/项目-2024年度绩效自评表.xlsx');
    expect(sut.take('局/项目-2024年度绩效自评表.pdf')).toBe('局/项目-2024年度绩效自评表.pdf');
    expect(sut.take('局/项目-2024年度绩效自评表.xlsx')).toBe('局/项目-2024年度绩效自评表（2）.xlsx');
    expect(sut.take('局/项目-2024年度绩效自评表.xlsx')).toBe('局/项目-2024年度绩效自评表（3）.xlsx');
    expect(sut.take('另一局/项目-2024年度绩效自评表.xlsx')).toBe('另一局/项目-2024年度绩效自评表.xlsx');
  });
});
