import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Persistence, Tx } from '../../core/database/persistence';

/** What this context keeps per organization (for 系统管理: delete or only deactivate, may a unit move). */
@Injectable()
export class OrganizationUsageQueries extends Persistence {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** 预算项目 whose unit or department lies under the path. */
  async projectsUnder(path: string, tx: Tx): Promise<number> {
    const [{ n }] = await this.em(tx).query(
      `SELECT count(*)::int AS n FROM projects p
        WHERE EXISTS (SELECT 1 FROM organizations o WHERE o.id IN (p.unit_id, p.department_id) AND o.path LIKE $1 || '%')`,
      [path],
    );
    return Number(n);
  }

  /** 预算项目 of units under the path whose department is outside it (they name both: the unit cannot change departments). */
  async projectsTiedOutside(path: string, tx: Tx): Promise<number> {
    const [{ n }] = await this.em(tx).query(
      `SELECT count(*)::int AS n FROM projects p
         JOIN organizations u ON u.id = p.unit_id
         JOIN organizations d ON d.id = p.department_id
        WHERE u.path LIKE $1 || '%' AND d.path NOT LIKE $1 || '%'`,
      [path],
    );
    return Number(n);
  }

  /** 部门年度 (a department's year: its department-wide sheet) of departments under the path. */
  async departmentYearsUnder(path: string, tx: Tx): Promise<number> {
    const [{ n }] = await this.em(tx).query(
      `SELECT count(*)::int AS n FROM department_years dy JOIN organizations o ON o.id = dy.department_id WHERE o.path LIKE $1 || '%'`,
      [path],
    );
    return Number(n);
  }
}
