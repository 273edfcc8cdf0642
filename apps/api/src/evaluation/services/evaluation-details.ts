import type { BudgetExecutionScore, CompletionResult, GroupScore, Level1Group, ScoringFinding } from '@jixiao/domain';

/** What an evaluation keeps beside its columns (evaluations.details): how every number was reached. */
export interface EvaluationDetails {
  budgetExecution: BudgetExecutionScore;
  groups: GroupScore[];
  totalExplanation: string;
  warnings: ScoringFinding[];
  /** 评分方案 used (its id and version are columns); absent on evaluations computed before schemes were configurable: the national one. */
  scheme?: { name: string };
  /** Per indicator id: the parts of the explanation that have no column in indicator_scores. */
  indicators: Record<string, { group: Level1Group; weightExplanation: string; completion: StoredCompletion | null }>;
}

/**
 * A completion as stored: its `met`, `rate` and `ratePercent` are indicator_scores columns (met,
 * completion_rate, completion_percent) and are left out of the details; evaluations stored before
 * this still carry them, and the columns win.
 */
export type StoredCompletion = Omit<CompletionResult, 'met' | 'rate' | 'ratePercent'> & Partial<Pick<CompletionResult, 'met' | 'rate' | 'ratePercent'>>;

/** What the details keep of a completion (see StoredCompletion). */
export function storedCompletion(completion: CompletionResult | null): StoredCompletion | null {
  return completion && { ratio: completion.ratio, tier: completion.tier, explanation: completion.explanation };
}

/** A stored completion made whole again with its indicator score's columns. */
export function fullCompletion(stored: StoredCompletion | null | undefined, columns: { met: boolean; completionRate: string | null; completionPercent: string | null }): CompletionResult | null {
  if (!stored || columns.completionRate === null || columns.completionPercent === null) return stored ? completionOfOldRow(stored) : null;
  return { met: columns.met, ratio: stored.ratio, rate: Number(columns.completionRate), ratePercent: columns.completionPercent, tier: stored.tier, explanation: stored.explanation };
}

function completionOfOldRow(stored: StoredCompletion): CompletionResult | null {
  return stored.rate === undefined || stored.ratePercent === undefined || stored.met === undefined ? null : (stored as CompletionResult);
}
