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
  indicators: Record<string, { group: Level1Group; weightExplanation: string; completion: CompletionResult | null }>;
}
