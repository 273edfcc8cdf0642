import { checkScoringScheme, TIERS, type SchemeGroup, type ScoringScheme, type Tier } from '@jixiao/domain';

/**
 * A scheme as sent by a client, read into exactly the shape of libs/domain `ScoringScheme` (nothing
 * else is stored) and checked by `checkScoringScheme`: every reason it cannot be used, in Chinese.
 */
export function readSchemeInput(value: unknown): { scheme: ScoringScheme | null; problems: string[] } {
  if (!isRecord(value)) return { scheme: null, problems: ['评分方案须为对象：方案名称、预算执行率分值、一级指标分组和完成程度取值'] };
  const problems: string[] = [];
  const groups: SchemeGroup[] = [];
  if (!Array.isArray(value['groups'])) problems.push('评分方案须列出一级指标分组（groups）');
  else {
    value['groups'].forEach((group: unknown, index) => {
      if (!isRecord(group)) {
        problems.push(`第 ${index + 1} 个分组须为对象（编码、名称、关键词、分值）`);
        return;
      }
      groups.push({
        key: typeof group['key'] === 'string' ? group['key'].trim() : '',
        label: typeof group['label'] === 'string' ? group['label'].trim() : '',
        aliases: Array.isArray(group['aliases']) ? group['aliases'].map((alias: unknown) => (typeof alias === 'string' ? alias.trim() : '')) : [],
        points: group['points'] as number,
      });
    });
  }
  const tiers = isRecord(value['tierValues']) ? value['tierValues'] : {};
  const scheme: ScoringScheme = {
    name: typeof value['name'] === 'string' ? value['name'].trim() : '',
    budgetExecution: value['budgetExecution'] as number,
    groups,
    tierValues: Object.fromEntries(TIERS.map((tier) => [tier, tiers[tier] as number])) as Record<Tier, number>,
  };
  problems.push(...checkScoringScheme(scheme));
  return { scheme: problems.length === 0 ? scheme : null, problems };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
