import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfigService } from '../core/config/app-config.service';
import { DatasetImportService } from '../datasets/services/dataset-import.service';
import { OrganizationEntity } from '../organizations/entities/organization.entity';
import { UserEntity } from '../organizations/entities/user.entity';
import { hashPassword } from '../organizations/services/password.util';
import { DEMO_DATASETS, DEMO_PASSWORD, DEMO_ROLES } from './demo-users';

/** Loads the five demo departments and their demo users into an empty database, in one transaction. */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly importer: DatasetImportService,
    private readonly config: AppConfigService,
  ) {}

  /** True when it seeded; false when the database already had users. */
  async seedIfEmpty(): Promise<boolean> {
    if ((await this.dataSource.getRepository(UserEntity).count()) > 0) return false;
    const started = Date.now();
    const folder = resolve(this.config.get('DEMO_DATA_DIR'));
    // All demo users share the published demo password: hash it once (bcrypt salts it; one hash is enough here).
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await this.dataSource.transaction(async (em) => {
      await em.insert(UserEntity, { username: 'admin', displayName: '系统管理员', passwordHash, role: 'admin', organizationId: null, active: true });
      for (const stem of DEMO_DATASETS) {
        const file = JSON.parse(readFileSync(join(folder, `${stem}-2024.json`), 'utf8')) as unknown;
        const result = await this.importer.importWithin(em, file, null);
        await this.createUsers(em, stem, result.departmentId, passwordHash);
      }
    });
    this.logger.log(`demo data loaded (${DEMO_DATASETS.length} departments) in ${Date.now() - started} ms`);
    return true;
  }

  private async createUsers(em: EntityManager, stem: string, departmentId: string, passwordHash: string): Promise<void> {
    const department = await em.findOneByOrFail(OrganizationEntity, { id: departmentId });
    const bureau = department.parentId ? await em.findOneByOrFail(OrganizationEntity, { id: department.parentId }) : null;
    const unit = await em.findOne(OrganizationEntity, { where: { parentId: departmentId, kind: 'unit' }, order: { position: 'ASC' } });
    const orgAt = { finance_bureau: bureau, department, unit };
    for (const demo of DEMO_ROLES) {
      const org = orgAt[demo.at];
      if (!org) continue;
      await em.insert(UserEntity, {
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
