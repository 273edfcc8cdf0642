import { Injectable } from '@nestjs/common';
import type { MonitoringNodeResponse, MonitoringOverviewResponse } from '@jixiao/contracts';
import { addLightCounts, addMoney, countLights, darkestLight, LightCounts, Period, rollUpSpending, spendingLight } from '@jixiao/domain';
import { Principal, scopePathOf } from '../../core/auth/principal';
import type { OrganizationEntity } from '../../organizations/entities/organization.entity';
import { organizationRef } from '../../organizations/organization-ref';
import { OrganizationTreeService } from '../../organizations/services/organization-tree.service';
import { SheetDataService } from '../../target-sheets/services/sheet-data.service';
import { ExecutionDataService } from './execution-data.service';
import { periodLights } from './sheet-lights';

const NO_LIGHTS: LightCounts = { red: 0, yellow: 0, green: 0, blue: 0, grey: 0, none: 0 };

/** 监控总览: every sheet in effect in the caller's subtree, its lights in a period, rolled up per department and finance bureau. */
@Injectable()
export class MonitoringOverviewService {
  constructor(
    private readonly sheetData: SheetDataService,
    private readonly executionData: ExecutionDataService,
    private readonly organizations: OrganizationTreeService,
  ) {}

  async overview(principal: Principal, fiscalYear: number, period: Period): Promise<MonitoringOverviewResponse> {
    const ids = await this.sheetData.effectiveSheetIds(fiscalYear, scopePathOf(principal));
    const sheets = await this.sheetData.sheetsByIds(ids);
    const order = new Map(ids.map((id, i) => [id, i]));
    sheets.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    const data = await this.executionData.load(sheets, [period]);
    const projects = await this.sheetData.projectsByIds(sheets.flatMap((s) => (s.projectId ? [s.projectId] : [])));
    const projectName = new Map(projects.map((p) => [p.id, p.name]));

    const departmentIds = [...new Set(sheets.map((s) => s.departmentId))];
    const departments = await this.organizations.findByIds(departmentIds);
    const bureauIds = [...new Set(departments.flatMap((d) => (d.parentId ? [d.parentId] : [])))];
    const bureaus = await this.organizations.findByIds(bureauIds);

    const departmentNodes = new Map<string, MonitoringNodeResponse>();
    const spendingOf = new Map<string, { planned: string; spent: string }[]>();
    for (const sheet of sheets) {
      const sheetData = data.get(sheet.id)!;
      const lights = periodLights(sheetData, period);
      const indicatorLights = lights.indicators.map((i) => i.light);
      const node = departmentNodes.get(sheet.departmentId) ?? this.emptyNode(departments.find((d) => d.id === sheet.departmentId)!);
      departmentNodes.set(sheet.departmentId, node);
      node.indicators = addLightCounts(node.indicators, countLights(indicatorLights));
      // A department-wide sheet lights its spending where it counts the whole budget (basic + project);
      // else its spending is its projects', already lit on their own sheets.
      const wholeDepartment = sheetData.department?.money.whole === true;
      const sheetSpendingLight = sheet.kind === 'project' || wholeDepartment ? (lights.spending?.light ?? null) : null;
      const light = darkestLight([sheetSpendingLight, ...indicatorLights]);
      if (sheet.kind === 'project') {
        node.projects = addLightCounts(node.projects, countLights([light]));
        node.budget = addMoney(node.budget, sheetData.budget);
        const list = spendingOf.get(sheet.departmentId) ?? [];
        list.push({ planned: lights.spending!.planned, spent: lights.spending!.spent });
        spendingOf.set(sheet.departmentId, list);
      } else if (wholeDepartment) {
        // The department's basic budget and spending (基本支出) join its projects' in the roll-up, on a linear plan.
        const basic = spendingLight({ period, budget: sheetData.department!.money.basicBudget!, plan: [], expenditures: sheetData.department!.basic });
        node.budget = addMoney(node.budget, sheetData.department!.money.basicBudget!);
        const list = spendingOf.get(sheet.departmentId) ?? [];
        list.push({ planned: basic.planned, spent: basic.spent });
        spendingOf.set(sheet.departmentId, list);
      }
      node.sheets.push({
        sheetId: sheet.id,
        projectName: sheet.projectId ? (projectName.get(sheet.projectId) ?? null) : null,
        light,
        spendingLight: sheetSpendingLight,
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
