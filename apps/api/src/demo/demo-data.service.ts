import { Injectable, Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultMonitoringWindows, MonitoringWindow } from '@jixiao/domain';
import { AppConfigService } from '../core/config/app-config.service';
import { Clock } from '../core/clock/clock';
import type { Tx } from '../core/database/persistence';
import { Transactions } from '../core/database/transactions';
import { DatasetImportService } from '../datasets/services/dataset-import.service';
import { YearCalendarService } from '../fiscal-years/services/year-calendar.service';
import { OrganizationTreeService } from '../organizations/services/organization-tree.service';
import { hashPassword } from '../organizations/services/password.util';
import { UserDirectoryService } from '../organizations/services/user-directory.service';
import { DEMO_DATASETS, DEMO_PASSWORD, DEMO_ROLES } from './demo-users';

/** The year of the demo datasets. */
const DEMO_YEAR = 2024;

/**
 * 填报时间 of the demo year. The demo is tried (and the e2e and browser tests record 2024 actuals) long
 * after 2024's rounds closed, so each round opens on its usual date (or on the load day, if that is
 * earlier) and closes a year after the day the demo is loaded: every round accepts records for a year.
 * A plain dataset import keeps the national defaults.
 */
export function demoWindows(year: number, today: string): MonitoringWindow[] {
  const inAYear = new Date(`${today}T00:00:00Z`);
  inAYear.setUTCFullYear(inAYear.getUTCFullYear() + 1);
  const closes = inAYear.toISOString().slice(0, 10);
  return defaultMonitoringWindows(year).map((w) => ({
    period: w.period,
    opensOn: w.opensOn < today ? w.opensOn : today,
    closesOn: w.closesOn > closes ? w.closesOn : closes,
  }));
}

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
  ) {}

  /** True when it seeded; false when the database already had users. */
  async seedIfEmpty(): Promise<boolean> {
    if (await this.users.hasUsers()) return false;
    const started = Date.now();
    const folder = resolve(this.config.get('DEMO_DATA_DIR'));
    // All demo users share the published demo password: hash it once (bcrypt salts it; one hash is enough here).
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await this.transactions.run(async (tx) => {
      await this.users.create(tx, { username: 'admin', displayName: '系统管理员', passwordHash, role: 'admin', organizationId: null, active: true });
      for (const stem of DEMO_DATASETS) {
        const file = JSON.parse(readFileSync(join(folder, `${stem}-2024.json`), 'utf8')) as unknown;
        const result = await this.importer.importWithin(tx, file, null);
        await this.createUsers(tx, stem, result.departmentId, passwordHash);
      }
      await this.calendar.setWindows(tx, DEMO_YEAR, demoWindows(DEMO_YEAR, this.clock.today()));
    });
    this.logger.log(`demo data loaded (${DEMO_DATASETS.length} departments) in ${Date.now() - started} ms`);
    return true;
  }

  private async createUsers(tx: Tx, stem: string, departmentId: string, passwordHash: string): Promise<void> {
    const department = await this.organizations.getById(departmentId, tx);
    const bureau = department.parentId ? await this.organizations.getById(department.parentId, tx) : null;
    const unit = await this.organizations.firstUnitOf(departmentId, tx);
    const orgAt = { finance_bureau: bureau, department, unit };
    for (const demo of DEMO_ROLES) {
      const org = orgAt[demo.at];
      if (!org) continue;
      await this.users.create(tx, {
        username: `${stem}.${demo.suffix}`,
        displayName: `${org.name}${demo.title}`,
        passwordHash,
        role: demo.role,
        organizationId: org.id,
        active: true,
      });
    }
  }
}
