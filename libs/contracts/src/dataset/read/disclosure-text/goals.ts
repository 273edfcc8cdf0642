// 总体目标 / 年度履职目标 as written: one string per goal, split at `<p>` paragraphs or `目标1：` numbers.
import { foldWidth } from './text-normalise';

const GOAL_NUMBER = /^\s*(目标\s*\d+\s*[:：]|\d+\s*[.、．]|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]、?)\s*/;

function cleanGoal(text: string): string {
  return text.replace(GOAL_NUMBER, '').replace(/[\s；;，,]+$/, '').trim();
}

/** Splits the text of a goals cell into goals; placeholders (`目标1： 目标2： .....`) give none. */
export function splitGoals(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  let parts: string[];
  if (/<p>/i.test(trimmed)) {
    parts = trimmed
      .split(/<\/?p>/i)
      .map((part) => part.trim())
      .filter((part) => part !== '');
  } else if (/目标\s*\d+\s*[:：]/.test(foldWidth(trimmed))) {
    parts = trimmed.split(/(?=目标\s*\d+\s*[:：])/).map((part) => part.trim());
  } else {
    parts = [trimmed];
  }
  return parts.map(cleanGoal).filter((goal) => goal !== '' && !/^[.．。…]+$/.test(goal));
}

/**
 * Joins the lines of a goals cell a PDF broke: a paragraph cut mid-sentence (`…助</p>` then `<p>力…`)
 * is one paragraph.
 */
export function joinGoalLines(before: string, next: string): string {
  const cut = /<\/p>\s*$/i.test(before) && /^\s*<p>/i.test(next) && !/[。；;.!?！？]\s*<\/p>\s*$/i.test(before);
  if (cut) return before.replace(/<\/p>\s*$/i, '') + next.replace(/^\s*<p>/i, '');
  return `${before} ${next}`;
}
