import { Injectable } from '@nestjs/common';
import type { Tx } from '../../core/database/persistence';

/** How many records of one kind (预算项目, 部门年度…) there are for an organization's subtree (its materialised path). */
export type OrganizationUsageCounter = (path: string, tx: Tx) => Promise<number>;

export interface OrganizationUsageCounters {
  /** Records of organizations in the subtree (they keep it from being deleted). */
  inSubtree: OrganizationUsageCounter;
  /** Records that also name an organization outside the subtree (a unit's project names its department): the subtree cannot change parents while there are any. */
  tiedOutside?: OrganizationUsageCounter;
}

export interface OrganizationUsage {
  label: string; // 预算项目
  count: number;
}

/**
 * The data other contexts keep per organization, so that 系统管理 can say why an organization cannot
 * be deleted (only deactivated) or cannot move. The contexts that own such data register their
 * counters here (this context does not depend on them: they depend on it).
 */
@Injectable()
export class OrganizationUsageHooks {
  private readonly counters: { label: string; counters: OrganizationUsageCounters }[] = [];

  register(label: string, counters: OrganizationUsageCounters): void {
    this.counters.push({ label, counters });
  }

  /** Every kind of record of the subtree, with its count (kinds with none left out). */
  usage(path: string, tx: Tx): Promise<OrganizationUsage[]> {
    return this.collect(path, tx, (c) => c.inSubtree);
  }

  /** The records that tie the subtree to organizations outside it. */
  tiedOutside(path: string, tx: Tx): Promise<OrganizationUsage[]> {
    return this.collect(path, tx, (c) => c.tiedOutside);
  }

  private async collect(path: string, tx: Tx, pick: (c: OrganizationUsageCounters) => OrganizationUsageCounter | undefined): Promise<OrganizationUsage[]> {
    const found: OrganizationUsage[] = [];
    for (const { label, counters } of this.counters) {
      const counter = pick(counters);
      const count = counter ? await counter(path, tx) : 0;
      if (count > 0) found.push({ label, count });
    }
    return found;
  }
}

/** 「预算项目 3 个、部门年度目标表 1 个」 */
export function describeUsage(usage: readonly OrganizationUsage[]): string {
  return usage.map((u) => `${u.label} ${u.count} 个`).join('、');
}
