import type { Tx } from '../../core/database/persistence';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import type { ProjectEntity } from '../entities/project.entity';
import type { ProjectRepository } from '../persistence/project.repository';

/**
 * 项目编码 are unique per implementing unit (the department when it runs the project itself) and year
 * (index projects_owner_year_code_uq): 409 PROJECT_CODE_TAKEN naming the project that has the code.
 */
export async function assertCodeFree(
  projects: ProjectRepository,
  tx: Tx,
  project: Pick<ProjectEntity, 'unitId' | 'departmentId' | 'fiscalYear' | 'code'> & { id?: string },
  ownerName: string,
): Promise<void> {
  if (project.code === null) return;
  const clash = await projects.findByCode(tx, project, project.fiscalYear, project.code, project.id ?? null);
  if (clash !== null) {
    throw new AppException(
      ErrorCode.PROJECT_CODE_TAKEN,
      `项目编码「${project.code}」已被${ownerName} ${project.fiscalYear} 年度的项目「${clash.name}」使用，同一单位同一年度的项目编码不能重复`,
      { projectId: clash.id, name: clash.name },
    );
  }
}
