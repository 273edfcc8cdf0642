import { Injectable, Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Principal } from '../core/auth/principal';
import { AppConfigService } from '../core/config/app-config.service';
import { Clock } from '../core/clock/clock';
import type { Tx } from '../core/database/persistence';
import { Transactions } from '../core/database/transactions';
import { DatasetImportService } from '../datasets/services/dataset-import.service';
import { YearCalendarService } from '../fiscal-years/services/year-calendar.service';
import type { OrganizationEntity } from '../organizations/entities/organization.entity';
import { OrganizationTreeService } from '../organizations/services/organization-tree.service';
import { hashPassword } from '../organizations/services/password.util';
import { UserDirectoryService } from '../organizations/services/user-directory.service';
import type { DemoCast, DemoRegionCast } from './demo-cast';
import { DemoStoryService } from './demo-story.service';
import { demoWindows } from './demo-windows';
import { DEMO_DATASETS, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_ROLES, DemoRegion, demoEditorUsername } from './demo-users';

/** The year of the demo datasets. */
export const DEMO_YEAR = 2024;

/**
 * What a first start loads (DEMO_DATA): `story`, the five departments in a year in progress (most
 * sheets approved, some waiting for review, spending and actuals through 1–9月, 2025 opened with a few
 * sheets rolled over); `fixtures`, the same departments and users with every sheet a draft, as
 * published (the tests walk them through the workflow themselves); `none`, nothing.
 */
export type DemoDataMode = 'story' | 'fixtures' | 'none';

/** Loads the five demo departments and their demo users into an empty database, in one transaction. */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly importer: DatasetImportService,
    private readonly organizations: OrganizationTreeService,
    private readonly users: UserDirectoryService,
    private readonly config: AppConfigService,
    private readonly calendar: YearCalendarService,
    private readonly clock: Clock,
    private readonly story: DemoStoryService,
  ) {}

  /** True when it seeded; false when the database already had users (or `mode` is none). */
  async seedIfEmpty(mode: DemoDataMode = 'fixtures'): Promise<boolean> {
    if (mode === 'none' || (await this.users.hasUsers())) return false;
    const started = Date.now();
    const folder = resolve(this.config.get('DEMO_DATA_DIR'));
    // All demo users share the published demo password: hash it once (scrypt, salted; one hash is enough here).
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    // One transaction for the whole load, the story's actions included: a failure leaves the database empty.
    const told = await this.transactions.asOne(async (tx) => {
      const adminId = await this.users.create(tx, { username: 'admin', displayName: '系统管理员', passwordHash, role: 'admin', organizationId: null, active: true });
      const admin: Principal = { userId: adminId, username: 'admin', role: 'admin', organizationId: null, organizationPath: null };
      const regions: DemoRegionCast[] = [];
      for (const stem of DEMO_DATASETS) {
        const file = JSON.parse(readFileSync(join(folder, `${stem}-${DEMO_YEAR}.json`), 'utf8')) as unknown;
        const result = await this.importer.importWithin(tx, file, null);
        regions.push(await this.createUsers(tx, stem, result.departmentId, passwordHash));
      }
      await this.calendar.setWindows(tx, DEMO_YEAR, demoWindows(DEMO_YEAR, this.clock.today()));
      const cast: DemoCast = { admin, regions };
      return mode === 'story' ? this.story.play(tx, cast, DEMO_YEAR) : null;
    });
    this.logger.log(`demo data loaded (${DEMO_DATASETS.length} departments${told ? `, ${told}` : ', every sheet a draft'}) in ${Date.now() - started} ms`);
    return true;
  }

  /** The region's accounts: finance and its 管理员 at the bureau, reviewer and viewer at the department, an editor per unit. */
  private async createUsers(tx: Tx, region: DemoRegion, departmentId: string, passwordHash: string): Promise<DemoRegionCast> {
    const department = await this.organizations.getById(departmentId, tx);
    const bureau = department.parentId ? await this.organizations.getById(department.parentId, tx) : null;
    if (bureau === null) throw new Error(`demo dataset ${region}: the department has no finance bureau above it`);
    const units = await this.organizations.unitsOf(departmentId, tx);
    const people = DEMO_PEOPLE[region];
    const create = async (username: string, displayName: string, role: Principal['role'], org: OrganizationEntity): Promise<Principal> => {
      const userId = await this.users.create(tx, { username, displayName, passwordHash, role, organizationId: org.id, active: true });
      return { userId, username, role, organizationId: org.id, organizationPath: org.path };
    };
    const posts = new Map<string, Principal>();
    for (const demo of DEMO_ROLES) {
      if (demo.suffix === 'editor') continue;
      const org = demo.at === 'finance_bureau' ? bureau : department;
      posts.set(demo.suffix, await create(`${region}.${demo.suffix}`, people[demo.suffix], demo.role, org));
    }
    const editors = new Map<string, Principal>();
    for (const [index, unit] of units.entries()) {
      const name = people.editors[index] ?? `${unit.name}填报人`;
      editors.set(unit.id, await create(demoEditorUsername(region, index), name, 'unit_editor', unit));
    }
    return {
      region, bureauId: bureau.id, departmentId,
      finance: posts.get('finance')!, bureauAdmin: posts.get('admin')!, reviewer: posts.get('reviewer')!, editors,
    };
  }
}
