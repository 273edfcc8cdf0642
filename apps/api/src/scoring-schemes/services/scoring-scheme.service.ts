import { Injectable } from '@nestjs/common';
import type { AppliedScoringScheme, SheetKind } from '@jixiao/contracts';
import { DEFAULT_SCORING_SCHEME } from '@jixiao/domain';
import type { Tx } from '../../core/database/persistence';
import type { OrganizationEntity } from '../../organizations/entities/organization.entity';
import { OrganizationTreeService } from '../../organizations/services/organization-tree.service';
import type { ScoringSchemeEntity } from '../entities/scoring-scheme.entity';
import { ScoringSchemeRepository } from '../persistence/scoring-scheme.repository';

/** What decides a sheet's scheme: its department (under a finance bureau), year and kind. */
export interface SchemeSubject {
  departmentId: string;
  fiscalYear: number;
  kind: SheetKind;
}

/** The scheme where none is configured: the national project scheme, for both kinds. */
export function defaultApplied(): AppliedScoringScheme {
  return { id: null, version: null, definition: structuredClone(DEFAULT_SCORING_SCHEME) as AppliedScoringScheme['definition'] };
}

export function appliedOf(row: ScoringSchemeEntity): AppliedScoringScheme {
  return { id: row.id, version: row.version, definition: row.definition };
}

const keyOf = (bureauId: string, fiscalYear: number, kind: SheetKind) => `${bureauId}|${fiscalYear}|${kind}`;

/**
 * 评分方案 for the other contexts: the scheme in effect for a sheet is the current version configured
 * by the finance bureau above its department for the sheet's year and kind, else the national project
 * scheme. Evaluation scores with it and records the version; the review checks first levels against it.
 */
@Injectable()
export class ScoringSchemeService {
  constructor(
    private readonly organizations: OrganizationTreeService,
    private readonly schemes: ScoringSchemeRepository,
  ) {}

  /** The scheme in effect for each subject, in the order given. */
  async forSubjects(subjects: readonly SchemeSubject[], tx?: Tx): Promise<AppliedScoringScheme[]> {
    if (subjects.length === 0) return [];
    const departments = new Map((await this.organizations.findByIds([...new Set(subjects.map((s) => s.departmentId))], tx)).map((d) => [d.id, d]));
    const bureaus = await this.organizations.bureausAbove([...departments.values()], tx);
    const bureauOf = (departmentId: string): OrganizationEntity | null => {
      const department = departments.get(departmentId);
      return department ? (bureaus.get(department.path) ?? null) : null;
    };
    const bureauIds = subjects.flatMap((s) => bureauOf(s.departmentId)?.id ?? []);
    const current = await this.schemes.currentOf(bureauIds, [...new Set(subjects.map((s) => s.fiscalYear))], tx);
    const byKey = new Map(current.map((row) => [keyOf(row.bureauId, row.fiscalYear, row.kind), row]));
    return subjects.map((s) => {
      const bureau = bureauOf(s.departmentId);
      const row = bureau ? byKey.get(keyOf(bureau.id, s.fiscalYear, s.kind)) : undefined;
      return row ? appliedOf(row) : defaultApplied();
    });
  }

  /** The scheme a sheet of a department not created yet would get: its finance bureau's (null: none), year and kind. */
  async forBureau(bureauId: string | null, fiscalYear: number, kind: SheetKind, tx?: Tx): Promise<AppliedScoringScheme> {
    if (bureauId === null) return defaultApplied();
    const row = (await this.schemes.currentOf([bureauId], [fiscalYear], tx)).find((r) => r.kind === kind);
    return row ? appliedOf(row) : defaultApplied();
  }

  /** The scheme in effect for one sheet. */
  async forSubject(subject: SchemeSubject, tx?: Tx): Promise<AppliedScoringScheme> {
    return (await this.forSubjects([subject], tx))[0]!;
  }
}
