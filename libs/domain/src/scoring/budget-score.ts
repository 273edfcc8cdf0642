/** 预算执行率 and its score (DESIGN §3): points × spent ÷ budget, the division last, rounded half-up to the cent once. */
import Big from 'big.js';
import { atMostOne, exactRatio, formatRatio, ratioPercent, ratioToNumber, scoreOfRatio } from '../exact';
import { isNonNegativeMoney, Money, parseMoney } from '../money';
import type { BudgetExecutionScore, Report } from './scoring.types';

export function scoreBudget(budgetText: Money, spentText: Money, weightNumber: number, error: Report, warn: Report, basis: string | null = null): BudgetExecutionScore {
  const result = scoreBudgetAmounts(budgetText, spentText, weightNumber, error, warn);
  return basis === null ? result : { ...result, explanation: `${basis}；${result.explanation}` };
}

function scoreBudgetAmounts(budgetText: Money, spentText: Money, weightNumber: number, error: Report, warn: Report): BudgetExecutionScore {
  const weight = new Big(weightNumber).toString();
  const invalid = [
    ['预算数', budgetText],
    ['执行数', spentText],
  ].filter(([, value]) => !isNonNegativeMoney(value));
  if (invalid.length > 0) {
    for (const [label, value] of invalid) error('MONEY_INVALID', `${label}「${String(value)}」不是有效的非负金额（元，最多两位小数）`);
    return { budget: null, spent: null, ratio: null, rate: null, ratePercent: null, weight, score: null, explanation: '预算数或执行数无效，预算执行率无法计算' };
  }
  const budget = parseMoney(budgetText);
  const spent = parseMoney(spentText);
  if (new Big(budget).eq(0)) {
    warn('BUDGET_ZERO', '预算数为 0，无法计算预算执行率，该项记 0 分');
    return {
      budget,
      spent,
      ratio: null,
      rate: null,
      ratePercent: null,
      weight,
      score: '0.00',
      explanation: `预算数为 0，执行率无法计算（不能除以 0），预算执行率记 0.00 分`,
    };
  }
  const ratio = exactRatio(spent, budget);
  const shown = formatRatio(ratio);
  if (atMostOne(ratio) !== ratio) warn('OVERSPENT', `执行数 ${spent} 元超过预算数 ${budget} 元（执行率 ${shown}）`);
  const score = scoreOfRatio(weight, ratio);
  return {
    budget,
    spent,
    ratio,
    rate: ratioToNumber(ratio),
    ratePercent: ratioPercent(ratio),
    weight,
    score,
    explanation:
      `执行数 ${spent} ÷ 预算数 ${budget} = ${shown}；` +
      (score === new Big(weight).toFixed(2) && atMostOne(ratio) !== ratio ? `权重 ${weight} × min(${shown}, 1) = ${score}` : `权重 ${weight} × ${spent} ÷ ${budget} = ${score}`),
  };
}
