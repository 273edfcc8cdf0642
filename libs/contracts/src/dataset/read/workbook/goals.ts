/**
 * 年度总体目标 / 年度履职目标 as one cell: `目标1：…；目标2：…`, one goal per line, `1.…  2.…` inline,
 * `（1）…` — one string per goal, the numbering and the separator after a goal removed, the goal's own
 * text kept as written.
 */

const GOAL_MARKER = /目标\s*[0-9０-９一二三四五六七八九十]{1,3}\s*[:：.．、]\s*/;
const LINE_NUMBER = /^\s*(?:[0-9０-９]{1,2}\s*[.．、)）](?![0-9０-９])|[(（]\s*[0-9０-９一二三四五六七八九十]{1,2}\s*[)）]|[一二三四五六七八九十]{1,2}\s*、|[①②③④⑤⑥⑦⑧⑨⑩])\s*/;
const TRAILING_SEPARATOR = /[\s;；,，]+$/;

/** The goals a cell states, in order; [] for an empty cell. */
export function splitGoals(text: string | null): string[] {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return [];
  if (GOAL_MARKER.test(trimmed)) return tidy(trimmed.split(new RegExp(GOAL_MARKER.source, 'g')));
  const lines = trimmed
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.some((line) => LINE_NUMBER.test(line))) {
    const goals: string[] = [];
    for (const line of lines) {
      if (LINE_NUMBER.test(line) || goals.length === 0) goals.push(line);
      else goals[goals.length - 1] += line; // a line wrapped inside the goal
    }
    return tidy(goals.flatMap((goal) => splitInlineNumbers(goal).map((piece) => piece.replace(LINE_NUMBER, ''))));
  }
  if (lines.length > 1) return tidy(lines);
  return tidy(splitInlineNumbers(trimmed));
}

/** `1.xxx 2.yyy 3.zzz` on one line → three goals, when the numbers run 1, 2, 3 … from the start. */
function splitInlineNumbers(text: string): string[] {
  const pattern = /(?:^|(?<=[\s;；。,，!！]))([0-9]{1,2})\s*[.．、](?![0-9])\s*/g;
  const cuts: { at: number; end: number }[] = [];
  for (const match of text.matchAll(pattern)) {
    if (Number(match[1]) !== cuts.length + 1 || (cuts.length === 0 && match.index !== 0)) continue;
    cuts.push({ at: match.index, end: match.index + match[0].length });
  }
  if (cuts.length < 2) return [cuts.length === 1 ? text.slice(cuts[0].end) : text];
  return cuts.map((cut, i) => text.slice(cut.end, i + 1 < cuts.length ? cuts[i + 1].at : undefined));
}

function tidy(goals: string[]): string[] {
  return goals.map((goal) => goal.trim().replace(TRAILING_SEPARATOR, '')).filter((goal) => goal !== '');
}
