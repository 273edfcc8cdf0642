import { Injectable } from '@nestjs/common';
import type { ScoringSchemeResponse, ScoringSchemeSummaryResponse, ScoringSchemeVersionResponse, SheetKind } from '@jixiao/contracts';
import { SCHEME_PRESETS, type ScoringScheme } from '@jixiao/domain';
import { AuditService } from '../../audit/audit.service';
import { isInScope, Principal } from '../../core/auth/principal';
import type { Tx } from '../../core/database/persistence';
import { Transactions } from '../../core/database/transactions';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { FiscalYearService } from '../../fiscal-years/fiscal-year.service';
import type { OrganizationEntity } from '../../organizations/entities/organization.entity';
import { organizationRef } from '../../organizations/organization-ref';
import { OrganizationTreeService } from '../../organizations/services/organization-tree.service';
import { UserDirectoryService } from '../../organizations/services/user-directory.service';
import type { UpdateScoringSchemeDto } from '../dto/update-scoring-scheme.dto';
import type { ScoringSchemeEntity } from '../entities/scoring-scheme.entity';
import { ScoringSchemeRepository } from '../persistence/scoring-scheme.repository';
import { readSchemeInput } from './scheme-input';
import { appliedOf, defaultApplied } from './scoring-scheme.service';

export const SHEET_KINDS: readonly SheetKind[] = ['project', 'department'];

/** JSON with every object's keys sorted: jsonb does not keep the order the keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** 北京时间 of a saved version, as the messages name it: 2024-12-01 09:30. */
function beijingTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * 评分方案 as finance configures them (/api/scoring-schemes): per finance bureau × fiscal year × kind,
 * read by everyone under the bureau, changed by its finance reviewers and admins. Every change is a
 * new version, written with its audit event in one transaction.
 */
@Injectable()
export class SchemeEditingService {
  constructor(
    private readonly transactions: Transactions,
    private readonly organizations: OrganizationTreeService,
    private readonly fiscalYears: FiscalYearService,
    private readonly schemes: ScoringSchemeRepository,
    private readonly users: UserDirectoryService,
    private readonly audit: AuditService,
  ) {}

  /** Every scheme the caller may see for the year: the bureaus in its subtree and the bureau above it, both kinds each. */
  async list(principal: Principal, fiscalYear: number): Promise<ScoringSchemeSummaryResponse[]> {
    const bureaus = await this.visibleBureaus(principal);
    const current = await this.schemes.currentOf(bureaus.map((b) => b.id), [fiscalYear]);
    return bureaus.flatMap((bureau) =>
      SHEET_KINDS.map((kind) => {
        const row = current.find((r) => r.bureauId === bureau.id && r.kind === kind);
        return this.summary(principal, bureau, fiscalYear, kind, row ?? null);
      }),
    );
  }

  async get(principal: Principal, bureauId: string, fiscalYear: number, kind: SheetKind, tx?: Tx): Promise<ScoringSchemeResponse> {
    const bureau = await this.visibleBureau(principal, bureauId, tx);
    const history = await this.schemes.history(bureau.id, fiscalYear, kind, tx);
    const names = await this.users.displayNames(history.flatMap((row) => row.createdBy ?? []), tx);
    return {
      ...this.summary(principal, bureau, fiscalYear, kind, history[0] ?? null),
      history: history.map((row): ScoringSchemeVersionResponse => ({
        id: row.id,
        version: row.version,
        definition: row.definition,
        createdAt: new Date(row.createdAt).toISOString(),
        createdBy: row.createdBy ? { id: row.createdBy, displayName: names.get(row.createdBy) ?? '' } : null,
      })),
    };
  }

  /** Saves a new version (from the scheme sent, a preset or a copy); an unchanged scheme writes nothing. */
  async update(principal: Principal, bureauId: string, fiscalYear: number, kind: SheetKind, dto: UpdateScoringSchemeDto, correlationId: string | null): Promise<ScoringSchemeResponse> {
    return this.transactions.run(async (tx) => {
      const bureau = await this.visibleBureau(principal, bureauId, tx);
      if (!this.mayEdit(principal, bureau)) throw new AppException(ErrorCode.ROLE_FORBIDDEN, `只有「${bureau.name}」的财政审核人或系统管理员可以修改其评分方案`);
      if (!(await this.fiscalYears.exists(fiscalYear, tx))) throw new AppException(ErrorCode.VALIDATION_FAILED, `${fiscalYear} 年度尚未开启，不能配置评分方案`);
      await this.schemes.lock(tx, bureau.id, fiscalYear, kind);
      const history = await this.schemes.history(bureau.id, fiscalYear, kind, tx);
      const current = history[0] ?? null;
      if ((current?.version ?? null) !== dto.baseVersion) {
        const savedBy = current?.createdBy ? ((await this.users.displayNames([current.createdBy], tx)).get(current.createdBy) ?? null) : null;
        throw new AppException(
          ErrorCode.SCHEME_VERSION_CONFLICT,
          current === null
            ? '该评分方案尚未配置，请刷新后再修改'
            : `该评分方案已被${savedBy ?? '他人'}于 ${beijingTime(current.createdAt)}（北京时间）修改为第 ${current.version} 版，请刷新后再修改`,
          { currentVersion: current?.version ?? null, savedBy, savedAt: current ? new Date(current.createdAt).toISOString() : null },
        );
      }
      const definition = await this.definitionOf(dto, bureau, fiscalYear, kind, tx);
      const before = current?.definition ?? defaultApplied().definition;
      if (current !== null && canonical(before) === canonical(definition)) return this.get(principal, bureau.id, fiscalYear, kind, tx);
      const saved = await this.schemes.insert(tx, { bureauId: bureau.id, fiscalYear, kind, version: (current?.version ?? 0) + 1, definition, createdBy: principal.userId });
      await this.audit.record(tx, {
        actorId: principal.userId,
        action: 'scoring_scheme.update',
        entityType: 'scoring_scheme',
        entityId: saved.id,
        before: { version: current?.version ?? null, scheme: before },
        after: { bureau: bureau.name, fiscalYear, kind, version: saved.version, scheme: definition, source: dto.preset ? `preset:${dto.preset}` : dto.copyFrom ? `copy:${dto.copyFrom.fiscalYear}/${dto.copyFrom.kind}` : 'edit' },
        correlationId,
      });
      return this.get(principal, bureau.id, fiscalYear, kind, tx);
    });
  }

  /** The scheme to save: exactly one of the scheme sent, a preset, or a copy of the bureau's current scheme of another year or kind. */
  private async definitionOf(dto: UpdateScoringSchemeDto, bureau: OrganizationEntity, fiscalYear: number, kind: SheetKind, tx: Tx): Promise<ScoringScheme> {
    const sources = [dto.scheme !== undefined, dto.preset !== undefined, dto.copyFrom !== undefined].filter(Boolean).length;
    if (sources !== 1) throw new AppException(ErrorCode.VALIDATION_FAILED, '请只给出一种方案来源：方案内容（scheme）、预设方案（preset）或复制（copyFrom）');
    let candidate: unknown = dto.scheme;
    if (dto.preset !== undefined) candidate = structuredClone(SCHEME_PRESETS[dto.preset]);
    if (dto.copyFrom !== undefined) {
      const { fiscalYear: fromYear, kind: fromKind } = dto.copyFrom;
      if (fromYear === fiscalYear && fromKind === kind) throw new AppException(ErrorCode.VALIDATION_FAILED, '不能从方案自身复制');
      const [source] = await this.schemes.currentOf([bureau.id], [fromYear], tx).then((rows) => rows.filter((r) => r.kind === fromKind));
      candidate = source ? structuredClone(source.definition) : defaultApplied().definition;
    }
    const { scheme, problems } = readSchemeInput(candidate);
    if (scheme === null) throw new AppException(ErrorCode.SCHEME_INVALID, `评分方案不能保存：${problems.join('；')}`, { problems });
    return scheme;
  }

  private summary(
    principal: Principal,
    bureau: OrganizationEntity,
    fiscalYear: number,
    kind: SheetKind,
    row: ScoringSchemeEntity | null,
  ): ScoringSchemeSummaryResponse {
    return {
      bureau: organizationRef(bureau),
      fiscalYear,
      kind,
      current: row ? appliedOf(row) : defaultApplied(),
      updatedAt: row ? new Date(row.createdAt).toISOString() : null,
      editable: this.mayEdit(principal, bureau),
    };
  }

  private mayEdit(principal: Principal, bureau: OrganizationEntity): boolean {
    return principal.role === 'admin' || (principal.role === 'finance_reviewer' && isInScope(principal, bureau.path));
  }

  /** Finance bureaus the caller sees: all (admin), those in its subtree, and the one above it. */
  private async visibleBureaus(principal: Principal): Promise<OrganizationEntity[]> {
    if (principal.role === 'admin') return this.organizations.bureausWithin(null);
    if (principal.organizationPath === null) return [];
    const within = await this.organizations.bureausWithin(principal.organizationPath);
    const above = await this.organizations.bureauAbove({ path: principal.organizationPath });
    return above === null || within.some((b) => b.id === above.id) ? within : [above, ...within];
  }

  private async visibleBureau(principal: Principal, bureauId: string, tx?: Tx): Promise<OrganizationEntity> {
    const bureau = await this.organizations.findOfKind(bureauId, 'finance_bureau', tx);
    const visible =
      bureau !== null && (isInScope(principal, bureau.path) || (principal.organizationPath !== null && principal.organizationPath.startsWith(bureau.path)));
    if (!visible) throw new AppException(ErrorCode.SCHEME_NOT_FOUND, '找不到该财政局的评分方案，或不在您的查看范围内');
    return bureau;
  }
}
