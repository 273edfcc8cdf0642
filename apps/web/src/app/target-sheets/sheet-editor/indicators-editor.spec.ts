import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { DraftIndicator, emptyIndicator } from './editor-draft';
import { IndicatorsEditor } from './indicators-editor';
import { IndicatorsEditorHarness } from './testing/indicators-editor-harness';

const row = (level1: string, level2: string, name: string, target: string): DraftIndicator => ({
  ...emptyIndicator(level1, level2),
  name,
  target,
  loadedTarget: target,
});

/** Part of 医保重点工作经费 (汉阴县 2024), as loaded. */
const ROWS = (): DraftIndicator[] => [
  row('产出指标', '数量指标', '服务全县参保群众人数', '>27万人'),
  row('产出指标', '数量指标', '保障企业离休干部人数', '≥2人'),
  row('产出指标', '时效指标', '工作完成时限', '2024年12月底前'),
  row('满意度指标', '服务对象满意度指标', '群众对医保工作的满意度', '≥90%'),
];

@Component({
  imports: [IndicatorsEditor],
  template: `<jx-indicators-editor [(indicators)]="rows" [fiscalYear]="2024" />`,
})
class Host {
  readonly rows = signal<DraftIndicator[]>(ROWS());
}

describe(IndicatorsEditor.name, () => {
  async function setUp() {
    const fixture = TestBed.createComponent(Host);
    const table = await TestbedHarnessEnvironment.loader(fixture).getHarness(IndicatorsEditorHarness);
    return { fixture, host: fixture.componentInstance, table };
  }

  /** Rows as Excel puts them on the clipboard (CRLF after every row). */
  const excel = (...rows: string[][]) => rows.map((cells) => cells.join('\t')).join('\r\n') + '\r\n';

  describe('paste from Excel', () => {
    it('adds pasted rows to their groups and shows what was understood, with the parser’s reading', async () => {
      const { host, table } = await setUp();
      await table.paste(
        excel(['一级指标', '二级指标', '三级指标', '指标值', '分值'], ['产出指标', '数量指标', '查处违规案件数', '≥10件', '10'], ['', '质量指标', '基金监管覆盖率', '100%', '5'], ['效益指标', '社会效益指标', '群众就医负担', '有所减轻', '']),
        0,
      );
      expect(host.rows().map((r) => `${r.level1}/${r.level2}/${r.name}/${r.target}/${r.weight ?? ''}`)).toEqual([
        '产出指标/数量指标/服务全县参保群众人数/>27万人/',
        '产出指标/数量指标/保障企业离休干部人数/≥2人/',
        '产出指标/数量指标/查处违规案件数/≥10件/10',
        '产出指标/时效指标/工作完成时限/2024年12月底前/',
        '产出指标/质量指标/基金监管覆盖率/100%/5',
        '满意度指标/服务对象满意度指标/群众对医保工作的满意度/≥90%/',
        '效益指标/社会效益指标/群众就医负担/有所减轻/',
      ]);
      expect(await table.getPastePreview()).toEqual({
        message: '已粘贴 3 项指标，表头 1 行已跳过。请核对解析结果，如有误可撤销。',
        rows: [
          ['2', '产出指标', '数量指标', '查处违规案件数', '≥10件', '≥ 10 件', '10'],
          ['3', '产出指标', '质量指标', '基金监管覆盖率', '100%', '≥ 100%', '5'],
          ['4', '效益指标', '社会效益指标', '群众就医负担', '有所减轻', '定性：有所减轻', '—'],
        ],
        problems: [],
      });
      expect((await table.getRows()).map((r) => r.name)).toContain('基金监管覆盖率');
    });

    it('replaces the empty rows, names the rows it could not take, and 撤销 puts the table back', async () => {
      const { host, table } = await setUp();
      await table.addInGroup('产出指标', '数量指标');
      const before = host.rows();
      expect(before).toHaveLength(5);
      await table.paste(excel(['产出指标', '成本指标', '人均经费', '≤100元'], ['产出指标', '数量指标', '只有三列'], ['', '', '', '≥1']), 2);
      expect(host.rows()).toHaveLength(5);
      expect(host.rows().some((r) => r.name === '')).toBe(false);
      const preview = await table.getPastePreview();
      expect(preview?.message).toBe('已粘贴 1 项指标，替换了 1 个空行，2 行未导入。请核对解析结果，如有误可撤销。');
      expect(preview?.problems).toEqual([
        '第 2 行只有 3 列，未导入：每行须依次为一级指标、二级指标、三级指标、指标值（分值可选）。',
        '第 3 行未填写三级指标名称，未导入。',
      ]);
      await table.undoPaste();
      expect(host.rows()).toEqual(before);
      expect(await table.getPastePreview()).toBeNull();
    });

    it('pastes into an empty table through the paste box', async () => {
      const { host, table } = await setUp();
      host.rows.set([]);
      await table.paste('产出指标\t数量指标\t培训人次\t≥500人次\n满意度指标\t服务对象满意度指标\t满意度\t≥90%');
      expect((await table.getRows()).map((r) => [r.name, r.spec])).toEqual([
        ['培训人次', '≥ 500 人次'],
        ['满意度', '≥ 90%'],
      ]);
    });

    it('leaves the text of one cell to paste into the field as usual', async () => {
      const { fixture, host, table } = await setUp();
      const before = host.rows();
      const input = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>('input.name-input')!;
      for (const text of ['≥95%', '≥95%\r\n', '"两行\n的单元格"']) {
        const event = new Event('paste', { cancelable: true });
        Object.defineProperty(event, 'clipboardData', { value: { getData: () => text } });
        input.dispatchEvent(event);
        expect(event.defaultPrevented).toBe(false);
      }
      expect(host.rows()).toEqual(before);
      expect(await table.getPastePreview()).toBeNull();
    });
  });

  it('Enter in a row’s 指标值 adds an empty row of its group right below and focuses it; Tab order is the native one', async () => {
    const { fixture, host, table } = await setUp();
    await table.pressEnterInTarget(0);
    fixture.detectChanges();
    await fixture.whenStable();
    expect(host.rows().map((r) => `${r.level2}/${r.name}`)).toEqual([
      '数量指标/服务全县参保群众人数',
      '数量指标/',
      '数量指标/保障企业离休干部人数',
      '时效指标/工作完成时限',
      '服务对象满意度指标/群众对医保工作的满意度',
    ]);
    expect(await table.getFocusedNameRow()).toBe(1);
    await table.setName(1, '新增指标');
    await table.pressEnterInTarget(3);
    await fixture.whenStable();
    expect(host.rows().map((r) => r.name)).toEqual(['服务全县参保群众人数', '新增指标', '保障企业离休干部人数', '工作完成时限', '', '群众对医保工作的满意度']);
    expect(host.rows()[4]).toMatchObject({ level1: '产出指标', level2: '时效指标' });
    expect(await table.getFocusedNameRow()).toBe(4);
    const tabStops = (fixture.nativeElement as HTMLElement).querySelectorAll('tr.edit-row [tabindex]:not([tabindex="0"]):not([tabindex="-1"])');
    expect(tabStops).toHaveLength(0);
  });

  it('does not add a row for the Enter that ends an IME composition (拼音)', async () => {
    const { fixture, host } = await setUp();
    const target = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>('input.target-input')!;
    target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true }));
    fixture.detectChanges();
    expect(host.rows()).toHaveLength(4);
  });

  it('shows the rows grouped like the national table, each target parsed', async () => {
    const { table } = await setUp();
    expect(await table.getLevel1Cells()).toEqual([
      { label: '产出指标', rows: 3 },
      { label: '满意度指标', rows: 1 },
    ]);
    expect(await table.getLevel2Cells()).toEqual([
      { label: '数量指标', rows: 2 },
      { label: '时效指标', rows: 1 },
      { label: '服务对象满意度指标', rows: 1 },
    ]);
    expect((await table.getRows()).map((r) => r.spec)).toEqual(['> 27 万人', '≥ 2 人', '不晚于12月31日', '≥ 90%']);
  });

  it('parses the 指标值 as it is typed and says where the reading is a guess', async () => {
    const { table } = await setUp();
    await table.setTarget(1, '≥5人');
    expect((await table.getRows())[1]?.spec).toBe('≥ 5 人');
    expect(await table.getWarnings(1)).toBe('');
    await table.setTarget(1, '5人');
    expect((await table.getRows())[1]?.spec).toBe('≥ 5 人');
    expect(await table.getWarnings(1)).toContain('不低于');
  });

  it('adds an empty row at the end of its group (在此组新增) and writes the typing into the draft', async () => {
    const { host, table } = await setUp();
    await table.addInGroup('产出指标', '数量指标');
    await table.setName(2, '查处违规案件数');
    await table.setTarget(2, '≥10件');
    const layout = (await table.getRows()).map((r) => `${r.level1}/${r.level2}/${r.name}`);
    expect(layout).toEqual([
      '产出指标/数量指标/服务全县参保群众人数',
      '产出指标/数量指标/保障企业离休干部人数',
      '产出指标/数量指标/查处违规案件数',
      '产出指标/时效指标/工作完成时限',
      '满意度指标/服务对象满意度指标/群众对医保工作的满意度',
    ]);
    expect(await table.getLevel2Cells()).toContainEqual({ label: '数量指标', rows: 3 });
    expect(host.rows()[2]).toMatchObject({ level1: '产出指标', level2: '数量指标', name: '查处违规案件数', target: '≥10件' });
  });

  it('moves a row to another group (移至) and renames a whole 二级 group from its merged cell', async () => {
    const { host, table } = await setUp();
    await table.moveTo(0, '效益指标', '社会效益指标');
    expect((await table.getRows()).map((r) => `${r.level1}/${r.level2}`)).toEqual([
      '产出指标/数量指标',
      '产出指标/时效指标',
      '满意度指标/服务对象满意度指标',
      '效益指标/社会效益指标',
    ]);
    await table.renameLevel2(1, '质量指标');
    expect(host.rows().map((r) => r.level2)).toEqual(['数量指标', '质量指标', '服务对象满意度指标', '社会效益指标']);
  });

  it('更正: a count per period (每季度至少1次) replaces the reading, kept while the text is unchanged', async () => {
    const { host, table } = await setUp();
    const form = await table.openCorrection(0);
    expect(await form.getKinds()).toEqual(['数值', '区间', '截止日期', '定期', '与上年比较', '定性']);
    expect(await form.getKind()).toBe('数值');
    await form.chooseKind('recurring');
    expect(await form.getPreview()).toBe('每月末');
    await form.pick('周期', '每季度');
    expect(await form.getSelected('每期截止日')).toBe('季末');
    await form.setField('每期至少次数（可空）', '1');
    expect(await form.getPreview()).toBe('每季度至少1次');
    await form.apply();
    expect(await table.isCorrectionOpen()).toBe(false);
    expect((await table.getRows())[0]).toMatchObject({ spec: '每季度至少1次', corrected: true });
    expect(host.rows()[0]).toMatchObject({ correctedSpec: { kind: 'recurring', every: 'quarter', day: null, times: 1 }, loadedTarget: '>27万人' });

    await table.setTarget(0, '>28万人');
    expect((await table.getRows())[0]).toMatchObject({ spec: '> 28 万人', corrected: false });
  });

  it('更正 takes 每年 only with a count, with the domain’s reason, and asks no day for it', async () => {
    const { table } = await setUp();
    const form = await table.openCorrection(2);
    expect(await form.getKind()).toBe('截止日期');
    expect([await form.getSelected('截止月份'), await form.getSelected('截止日')]).toEqual(['12 月', '月底']);
    await form.chooseKind('recurring');
    await form.pick('周期', '每年');
    expect(await form.hasSelect('每期截止日')).toBe(false);
    expect(await form.getError()).toBe('按年的定期目标须写明每年至少几次');
    expect(await form.getPreview()).toBeNull();
    expect(await form.isApplyDisabled()).toBe(true);
    await form.setField('每期至少次数（可空）', '2');
    expect(await form.getPreview()).toBe('每年至少2次');
    expect(await form.isApplyDisabled()).toBe(false);
  });

  it('更正 against last year: the 计量方式 only with an amount, read as 百分点', async () => {
    const { host, table } = await setUp();
    const form = await table.openCorrection(3);
    await form.chooseKind('relative');
    expect(await form.getPreview()).toBe('不低于上年');
    expect(await form.isSelectDisabled('变化的计量方式')).toBe(true);
    await form.setField('变化量（可空）', '2');
    await form.setField('计量单位', '%');
    expect(await form.getPreview()).toBe('比上年提高 ≥ 2%');
    expect(await form.isSelectDisabled('变化的计量方式')).toBe(false);
    await form.pick('变化的计量方式', '百分点（如 提高2个百分点）');
    expect(await form.getPreview()).toBe('比上年提高 ≥ 2 个百分点');
    await form.apply();
    expect(host.rows()[3]?.correctedSpec).toEqual({ kind: 'relative', op: '>=', delta: 2, unit: '%', change: 'points' });
  });

  it('恢复自动解析 drops a correction; 取消 leaves the row as it was', async () => {
    const { host, table } = await setUp();
    let form = await table.openCorrection(1);
    await form.setField('数值', '3');
    await form.cancel();
    expect(await table.isCorrectionOpen()).toBe(false);
    expect((await table.getRows())[1]).toMatchObject({ spec: '≥ 2 人', corrected: false });

    form = await table.openCorrection(1);
    expect(await form.canRestore()).toBe(false);
    await form.setField('数值', '3');
    await form.apply();
    expect((await table.getRows())[1]).toMatchObject({ spec: '≥ 3 人', corrected: true });
    form = await table.openCorrection(1);
    await form.restore();
    expect((await table.getRows())[1]).toMatchObject({ spec: '≥ 2 人', corrected: false });
    expect(host.rows()[1]?.correctedSpec).toBeNull();
  });

  it('removes a row, and says how to start when none is left', async () => {
    const { host, table } = await setUp();
    for (let i = 0; i < 4; i++) await table.remove(0);
    expect(host.rows()).toEqual([]);
    expect(await table.getEmptyText()).toContain('新增指标');
    await table.addIndicator('产出指标', '成本指标');
    expect((await table.getRows()).map((r) => `${r.level1}/${r.level2}/${r.name}`)).toEqual(['产出指标/成本指标/']);
  });

  it('shows no columns of last year on a sheet that was not rolled over', async () => {
    const { table } = await setUp();
    expect(await table.hasPreviousYearColumns()).toBe(false);
  });

  it('shows last year’s target and actual beside each row of a rolled-over sheet, kept through a move, not on a new row', async () => {
    const { host, table } = await setUp();
    const previous = (target: string, actual: string | null, actualPeriod: 'Y' | 'M9' | null) => ({ indicatorId: `old-${target}`, fiscalYear: 2024, target, actual, actualPeriod });
    host.rows.set(
      ROWS().map((r, i) => ({ ...r, previousYear: [previous('>26万人', '27.3万人', 'Y'), previous('≥2人', '2人', 'M9'), previous('12月底前', null, null), null][i] ?? null })),
    );
    expect(await table.hasPreviousYearColumns()).toBe(true);
    expect(await table.getPreviousYear()).toEqual([
      { target: '>26万人', actual: '27.3万人' },
      { target: '≥2人', actual: '2人（截至1–9月）' },
      { target: '12月底前', actual: '未填报' },
      { target: '—', actual: '—' },
    ]);
    await table.moveTo(0, '满意度指标', '服务对象满意度指标');
    expect((await table.getPreviousYear()).at(-1)).toEqual({ target: '>26万人', actual: '27.3万人' });
    await table.addInGroup('产出指标', '数量指标');
    expect((await table.getRows()).map((r) => r.name)).toContain('');
    expect((await table.getPreviousYear())[1]).toEqual({ target: '—', actual: '—' });
  });
});
