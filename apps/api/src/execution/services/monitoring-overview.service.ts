import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MonitoringNodeResponse, MonitoringOverviewResponse } from '@jixiao/contracts';
import { addLightCounts, addMoney, countLights, darkestLight, LightCounts, Period, rollUpSpending } from '@jixiao/domain';
import { DataSource, In } from 'typeorm';
import type { Principal } from '../../core/auth/principal';
import { OrganizationEntity, organizationRef } from '../../organizations/entities/organization.entity';
import { ProjectEntity } from '../../target-sheets/entities/project.entity';
import { TargetSheetEntity } from '../../target-sheets/entities/target-sheet.entity';
import { effectiveSheetIds, scopePathOf } from './effective-sheets';
import { loadExecutionData } from './execution-data';
import { periodLights } from './sheet-lights';

const NO_LIGHTS: LightCounts = { red: 0, yellow: 0, green: 0, blue: 0, grey: 0, none: 0 };

/** 监控总览: every sheet in effect in the caller's subtree, its lights in a period, rolled up per department and finance bureau. */
@Injectable()
export class MonitoringOverviewService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async overview(principal: Principal, fiscalYear: number, period: Period): Promise<MonitoringOverviewResponse> {
    const em = this.dataSource.manager;
    const ids = await effectiveSheetIds(em, fiscalYear, scopePathOf(principal));
    const sheets = ids.length === 0 ? [] : await em.find(TargetSheetEntity, { where: { id: In(ids) } });
    const order = new Map(ids.map((id, i) => [id, i]));
    sheets.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    const data = await loadExecutionData(em, sheets, [period]);
    const projects = await em.find(ProjectEntity, { where: { id: In(sheets.flatMap((s) => (s.projectId ? [s.projectId] : []))) } });
    const projectName = new Map(projects.map((p) => [p.id, p.name]));

    const departmentIds = [...new Set(sheets.map((s) => s.departmentId))];
    const departments = departmentIds.length === 0 ? [] : await em.find(OrganizationEntity, { where: { id: In(departmentIds) } });
    const bureauIds = [...new Set(departments.flatMap((d) => (d.parentId ? [d.parentId] : [])))];
    const bureaus = bureauIds.length === 0 ? [] : await em.find(OrganizationEntity, { where: { id: In(bureauIds) } });

    const departmentNodes = new Map<string, MonitoringNodeResponse>();
    const spendingOf = new Map<string, { planned: string; spent: string }[]>();
    for (const sheet of sheets) {
      const sheetData = data.get(sheet.id)!;
      const lights = periodLights(sheetData, period);
      const indicatorLights = lights.indicators.map((i) => i.light);
      const node = departmentNodes.get(sheet.departmentId) ?? this.emptyNode(departments.find((d) => d.id === sheet.departmentId)!);
      departmentNodes.set(sheet.departmentId, node);
      node.indicators = addLightCounts(node.indicators, countLights(indicatorLights));
      const spendingLight = sheet.kind === 'project' ? (lights.spending?.light ?? null) : null;
      const light = darkestLight([spendingLight, ...indicatorLights]);
      if (sheet.kind === 'project') {
        node.projects = addLightCounts(node.projects, countLights([light]));
        node.budget = addMoney(node.budget, sheetData.budget);
        const list = spendingOf.get(sheet.departmentId) ?? [];
        list.push({ planned: lights.spending!.planned, spent: lights.spending!.spent });
        spendingOf.set(sheet.departmentId, list);
      }
      node.sheets.push({
        sheetId: sheet.id,
        projectName: sheet.projectId ? (projectName.get(sheet.projectId) ?? null) : null,
        light,
        spendingLight,
        redIndicators: indicatorLights.filter((l) => l === 'red').length,
      });
    }
    for (const [departmentId, node] of departmentNodes) {
      const rolled = rollUpSpending(spendingOf.get(departmentId) ?? []);
      node.spent = rolled.spent;
      node.spendingLight = rolled.light;
      node.spendingPace = rolled.pace;
    }

    const bureauNodes: MonitoringNodeResponse[] = [];
    for (const bureau of [...bureaus].sort((a, b) => (a.region ?? a.name).localeCompare(b.region ?? b.name, 'zh-CN'))) {
      const children = departments.filter((d) => d.parentId === bureau.id).map((d) => departmentNodes.get(d.id)!);
      const rolled = rollUpSpending(children.flatMap((c) => spendingOf.get(c.organization.id) ?? []));
      bureauNodes.push({
        ...this.emptyNode(bureau),
        budget: children.reduce((sum, c) => addMoney(sum, c.budget), '0.00'),
        spent: rolled.spent,
        spendingLight: rolled.light,
        spendingPace: rolled.pace,
        projects: children.reduce((sum, c) => addLightCounts(sum, c.projects), NO_LIGHTS),
        indicators: children.reduce((sum, c) => addLightCounts(sum, c.indicators), NO_LIGHTS),
        children,
      });
    }
    // A department outside any finance bureau stands at the top level on its own.
    const orphans = departments.filter((d) => !bureaus.some((b) => b.id === d.parentId)).map((d) => departmentNodes.get(d.id)!);
    return { fiscalYear, period, bureaus: [...bureauNodes, ...orphans] };
  }

  private emptyNode(organization: OrganizationEntity): MonitoringNodeResponse {
    return {
      organization: organizationRef(organization),
      budget: '0.00',
      spent: '0.00',
      spendingLight: null,
      spendingPace: null,
      projects: { ...NO_LIGHTS },
      indicators: { ...NO_LIGHTS },
      children: [],
      sheets: [],
    };
  }
}
