import type { BudgetExecutionScore, CompletionResult, GroupScore, Level1Group, ScoringFinding } from '@jixiao/domain';

/** What an evaluation keeps beside its columns (evaluations.details): how every number was reached. */
export interface EvaluationDetails {
  budgetExecution: BudgetExecutionScore;
  groups: GroupScore[];
  totalExplanation: string;
  warnings: ScoringFinding[];
  /** 评分方案 used (its id and version are columns); absent on evaluations computed before schemes were configurable: the national one. */
  scheme?: { name: string };
  /**
   * Per group, the weight explanation most of its indicators share (「产出指标 50 分平均分配给 7 项 =
   * 7.14…」): kept once, not once per indicator. Absent on evaluations stored before.
   */
  weightExplanations?: Partial<Record<Level1Group, string>>;
  /** Per indicator id: the parts of the explanation that have no column in indicator_scores. */
  indicators: Record<string, StoredIndicatorDetails>;
}

/** An indicator's part of the details; its weightExplanation is left out when it is its group's shared one. */
export interface StoredIndicatorDetails {
  group: Level1Group;
  weightExplanation?: string;
  completion: StoredCompletion | null;
}

/** What the details keep of the scored indicators: each group's usual weight explanation once, and per indicator the rest. */
export function storedIndicatorDetails(
  indicators: readonly { id: string; group: Level1Group; weightExplanation: string; completion: CompletionResult | null }[],
): Pick<EvaluationDetails, 'weightExplanations' | 'indicators'> {
  const counts = new Map<Level1Group, Map<string, number>>();
  for (const i of indicators) {
    const of = counts.get(i.group) ?? new Map<string, number>();
    of.set(i.weightExplanation, (of.get(i.weightExplanation) ?? 0) + 1);
    counts.set(i.group, of);
  }
  const weightExplanations: Partial<Record<Level1Group, string>> = {};
  for (const [group, of] of counts) {
    let best: [string, number] | null = null;
    for (const entry of of) if (best === null || entry[1] > best[1]) best = entry; // the first of the most frequent
    weightExplanations[group] = best![0];
  }
  const stored: Record<string, StoredIndicatorDetails> = {};
  for (const i of indicators) {
    stored[i.id] = i.weightExplanation === weightExplanations[i.group]
      ? { group: i.group, completion: storedCompletion(i.completion) }
      : { group: i.group, weightExplanation: i.weightExplanation, completion: storedCompletion(i.completion) };
  }
  return { weightExplanations, indicators: stored };
}

/** An indicator's weight explanation as computed: its own, else its group's shared one. */
export function weightExplanationOf(details: Pick<EvaluationDetails, 'weightExplanations'>, stored: StoredIndicatorDetails | undefined): string {
  if (!stored) return '';
  return stored.weightExplanation ?? details.weightExplanations?.[stored.group] ?? '';
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
