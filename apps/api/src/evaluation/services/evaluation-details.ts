import type { BudgetExecutionScore, CompletionResult, GroupScore, Level1Group, ScoringFinding } from '@jixiao/domain';

/** What an evaluation keeps beside its columns (evaluations.details): how every number was reached. */
export interface EvaluationDetails {
  budgetExecution: BudgetExecutionScore;
  groups: GroupScore[];
  totalExplanation: string;
  warnings: ScoringFinding[];
  /** Per indicator id: the parts of the explanation that have no column in indicator_scores. */
  indicators: Record<string, { group: Level1Group; weightExplanation: string; completion: CompletionResult | null }>;
}
