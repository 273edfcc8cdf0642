/**
 * One indicator's score (DESIGN §3): weight × a ÷ v in exact decimals, the division last, rounded
 * half-up to the cent once; capped at the weight (r ≥ 1) and 0 below; an override with its reason.
 */
import Big from 'big.js';
import { CompletionOptions, CompletionResult, evaluateCompletion, gradeUnmet } from '../completion';
import { atLeastZero, compareRatio, ExactRatio, formatRatio, scoreOfRatio } from '../exact';
import type { IndicatorOverride, IndicatorScore, Level1Group, Report, ScoringIndicatorInput, UnmetFlag } from './scoring.types';

const MEMO_LIMIT = 10_000;
const weightedScores = new Map<string, string>();

/** weight × min(r, 1), exact, remembered: a region's run scores the same weights and tier rates over and over. */
function weightedScore(weight: string, ratio: ExactRatio): string {
  const key = `${weight}|${ratio.numerator}|${ratio.denominator}`;
  let score = weightedScores.get(key);
  if (score === undefined) {
    score = scoreOfRatio(weight, ratio);
    if (weightedScores.size >= MEMO_LIMIT) weightedScores.clear();
    weightedScores.set(key, score);
  }
  return score;
}

/** How the score was computed: `权重 15 × 60.15 ÷ 90 = 10.03`, `权重 16.67 × 0.7 = 11.67`, `权重 10 × min(105.04%, 1) = 10.00`. */
function scoreFormula(weight: string, ratio: ExactRatio, score: string): string {
  const r = atLeastZero(ratio);
  if (compareRatio(r, 1) >= 0) return `权重 ${weight} × min(${formatRatio(r)}, 1) = ${score}`;
  const quotient = r.denominator === '1' ? `${r.numerator}` : `${r.numerator} ÷ ${r.denominator}`;
  return `权重 ${weight} × ${quotient} = ${score}（完成率 ${formatRatio(r)}）`;
}

export function scoreIndicator(
  indicator: ScoringIndicatorInput,
  group: Level1Group,
  weight: string | null,
  weightExplanation: string,
  options: CompletionOptions,
  error: Report,
): IndicatorScore {
  const missing = indicator.actual === null;
  let completion: CompletionResult | null = null;
  if (indicator.actual !== null) {
    try {
      completion = evaluateCompletion(indicator.spec, indicator.actual, options);
    } catch (caught) {
      const reason = caught instanceof Error ? caught.message : String(caught);
      error('ACTUAL_INVALID', `指标「${indicator.name}」的实际完成值无法计算完成率：${reason}`, indicator.id);
    }
  }

  let computedScore: string | null = null;
  let explanation: string;
  if (weight === null) {
    explanation = `${weightExplanation}，无法计分`;
  } else if (missing) {
    computedScore = '0.00';
    explanation = '未录入年终实际完成值，记 0.00 分';
  } else if (completion === null) {
    explanation = '实际完成值无效，无法计分';
  } else {
    computedScore = weightedScore(weight, completion.ratio);
    explanation = scoreFormula(weight, completion.ratio, computedScore);
  }

  let override: IndicatorScore['override'] = null;
  let score = computedScore;
  if (indicator.override !== undefined && indicator.override !== null) {
    const checked = checkOverride(indicator.name, indicator.id, indicator.override, weight, error);
    if (checked === undefined) {
      score = null;
      explanation += '；评价人调整分无效';
    } else if (checked !== null) {
      override = checked;
      score = checked.score;
      explanation += `；评价人调整为 ${checked.score}（理由：${checked.reason}）`;
    }
  }

  // One literal (no spread of a partial object): built for every indicator of a region's run.
  return {
    id: indicator.id,
    level1: indicator.level1,
    level2: indicator.level2,
    name: indicator.name,
    group,
    weight,
    weightExplanation,
    completion,
    missing,
    computedScore,
    override,
    score,
    explanation,
  };
}

/** The valid override, `null` when it cannot be checked (no weight), `undefined` when invalid (error reported). */
function checkOverride(
  name: string,
  id: string,
  override: IndicatorOverride,
  weight: string | null,
  error: Report,
): { score: string; reason: string } | null | undefined {
  const { score, reason } = override;
  const trimmed = typeof reason === 'string' ? reason.trim() : '';
  if (trimmed === '') {
    error('OVERRIDE_INVALID', `指标「${name}」的调整分必须写明理由`, id);
    return undefined;
  }
  if (!Number.isFinite(score) || !new Big(score).eq(new Big(score).round(2, Big.roundHalfUp))) {
    error('OVERRIDE_INVALID', `指标「${name}」的调整分 ${score} 不是不超过两位小数的数`, id);
    return undefined;
  }
  if (weight === null) return null;
  if (score < 0 || new Big(score).gt(weight)) {
    error('OVERRIDE_INVALID', `指标「${name}」的调整分 ${score} 超出 0 到权重 ${weight} 的范围`, id);
    return undefined;
  }
  return { score: new Big(score).toFixed(2), reason: trimmed };
}

/** 未完成标记: every indicator not met (graded by r) or without a final actual. */
export function unmetFlags(indicators: readonly IndicatorScore[]): UnmetFlag[] {
  const flags: UnmetFlag[] = [];
  for (const indicator of indicators) {
    if (indicator.missing) {
      flags.push({ indicatorId: indicator.id, name: indicator.name, severity: 'missing', rate: null, ratePercent: null, explanation: '未录入年终实际完成值' });
    } else if (indicator.completion !== null && !indicator.completion.met) {
      const { ratio, rate, ratePercent, explanation } = indicator.completion;
      flags.push({
        indicatorId: indicator.id,
        name: indicator.name,
        severity: gradeUnmet(ratio),
        rate,
        ratePercent,
        explanation: `未达成，完成率 ${ratePercent}%：${explanation}`,
      });
    }
  }
  return flags;
}
