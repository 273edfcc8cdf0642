// Robustness by class: the seeds transformed as other copies of the same publications come (spaces for
// tabs, wrapped cells, full-width ↔ half-width punctuation, CRLF, blank lines, markdown tables) read to
// the same sheets and indicator counts. Seeds: __fixtures__ (shared/seeds, see its README).
import { readFileSync } from 'fs';
import { join } from 'path';
import type { DatasetReading } from '../dataset-reading';
import { readDisclosureText } from './read-disclosure-text';
import { foldWidth } from './text-normalise';

const seed = (bureau: string): string => readFileSync(join(__dirname, '__fixtures__', `${bureau}-2024.txt`), 'utf8');

/** A small deterministic PRNG (mulberry32), so that a failing case can be replayed from its seed. */
function random(seedValue: number): () => number {
  let state = seedValue >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Transform = (text: string, next: () => number) => string;

const HALF_TO_FULL: Record<string, string> = { '(': '（', ')': '）', ':': '：', ',': '，', '%': '％', '>': '＞', '<': '＜', '=': '＝', ';': '；' };
const FULL_TO_HALF = Object.fromEntries(Object.entries(HALF_TO_FULL).map(([half, full]) => [full, half]));

const lines = (text: string): string[] => text.replace(/\r\n?/g, '\n').split('\n');

const TRANSFORMS: Record<string, Transform> = {
  crlf: (text) => lines(text).join('\r\n'),
  'extra blank lines': (text, next) => lines(text).flatMap((line) => (line.trim() === '' && next() < 0.7 ? [line, '', ''] : [line])).join('\n'),
  'full-width punctuation': (text) => text.replace(/[():,%><=;]/g, (ch) => HALF_TO_FULL[ch]),
  'half-width punctuation': (text) => text.replace(/[（）：，％＞＜＝；]/g, (ch) => FULL_TO_HALF[ch]),
  'markdown | tables': (text) => lines(text).map((line) => (line.includes('\t') ? `| ${line.split('\t').join(' | ')} |` : line)).join('\n'),
  // the columns separated by single spaces, empty cells gone (望都's layout class, without its wraps)
  'single spaces for tabs': (text) =>
    lines(text)
      .map((line) =>
        line
          .split('\t')
          .map((cell) => cell.trim())
          .filter((cell) => cell !== '')
          .join(' '),
      )
      .join('\n'),
  // one width for the whole text, as an editor's "convert tabs to spaces" does: a run of k × width spaces is k tabs
  'runs of spaces for tabs': (text, next) => {
    const separator = ' '.repeat(2 + Math.floor(next() * 3));
    return lines(text)
      .map((line) => line.split('\t').join(separator))
      .join('\n');
  },
  // runs of 2–4 spaces drawn for each line: where empty cells stand no longer shows, so tables read by
  // position (the 汇总表 of 沈丘, 许昌) are left out of this one
  'runs of spaces of any width for tabs': (text, next) => lines(text).map((line) => line.split('\t').join(' '.repeat(2 + Math.floor(next() * 3)))).join('\n'),
  // the 三级指标 cell of an indicator row wrapped onto the next line(s) at a random width, as a PDF does
  'wrapped name cells': (text, next) =>
    lines(text)
      .flatMap((line) => {
        const cells = line.split('\t');
        const at = cells.findIndex((cell, i) => i >= 2 && cell.length > 8 && i + 1 < cells.length && cells[i + 1] !== '' && /[\u4e00-\u9fff]/.test(cell));
        if (at < 0 || !/指标|^\t/.test(line)) return [line];
        const width = 4 + Math.floor(next() * 6);
        const cell = cells[at];
        const first = [...cells];
        first[at] = cell.slice(0, width);
        const rest: string[] = [];
        for (let i = width; i < cell.length; i += width) rest.push(cells.map((_, j) => (j === at ? cell.slice(i, i + width) : '')).join('\t'));
        return [first.join('\t'), ...rest];
      })
      .join('\n'),
  // a 三级指标 cell and its numeric 指标值 wrapped together, as a PDF does where both are long: each
  // continuation line holds a fragment of the name and one of the 指标值 (`城乡居 | ≥90` / `民基本 | %`).
  // (A qualitative 指标值 wrapped with its name — `医保综合监 | 有所` / `管能力 | 提升` — is not told apart
  // from a new row in tab-separated tables: not covered.)
  'wrapped name and numeric value cells': (text, next) =>
    lines(text)
      .flatMap((line) => {
        const cells = line.split('\t');
        const at = cells.findIndex((cell, i) => i >= 2 && cell.length > 6 && i + 1 < cells.length && cells[i + 1].length > 2 && /^[≥≤<>=＞＜＝\d]/.test(cells[i + 1]) && /[\u4e00-\u9fff]/.test(cell) && !/指标$/.test(cell));
        if (at < 0 || !/指标|^\t/.test(line)) return [line];
        const width = 3 + Math.floor(next() * 4);
        const [name, value] = [cells[at], cells[at + 1]];
        const first = [...cells];
        first[at] = name.slice(0, width);
        first[at + 1] = value.slice(0, width);
        const rest: string[] = [];
        for (let i = width; i < Math.max(name.length, value.length); i += width) {
          rest.push(cells.map((_, j) => (j === at ? name.slice(i, i + width) : j === at + 1 ? value.slice(i, i + width) : '')).join('\t'));
        }
        return [first.join('\t'), ...rest];
      })
      .join('\n'),
};

function shape(reading: DatasetReading): unknown {
  return reading.datasets.map(({ dataset }) => ({
    department: dataset.department.name,
    departmentSheet: dataset.departmentSheet?.indicators.length ?? null,
    // names compared folded: a transform that changes （） to () changes the name as written
    projects: dataset.projects.map((project) => [foldWidth(project.name), project.indicators.length]),
  }));
}

// The 汇总表 of 沈丘 and 许昌 are read by column position: runs of spaces of a width drawn per line lose
// where their empty cells stand, so that transform runs on the other seeds only.
// Single spaces for tabs: the 汇总表 (read by position) cannot be, and 神木's tables, whose level words a
// cell break split (`服务对象` | `满意度指标`) and whose cells are stacked (`每月` … `20 号之前`), are not
// read whole that way (indicator counts differ on 5 of its 10 sheets): that transform runs on 汉阴.
const BY_POSITION_EXCLUDED = (name: string): boolean => name !== 'runs of spaces of any width for tabs' && name !== 'single spaces for tabs';
const CASES: [string, string[]][] = [
  ['hanyin', Object.keys(TRANSFORMS)],
  ['shenmu', Object.keys(TRANSFORMS).filter((name) => name !== 'single spaces for tabs')],
  ['shenqiu', Object.keys(TRANSFORMS).filter(BY_POSITION_EXCLUDED)],
  ['xuchang', Object.keys(TRANSFORMS).filter(BY_POSITION_EXCLUDED)],
  // 望都 has no tab: only the transforms that change a single-space separated text
  ['wangdu', ['crlf', 'extra blank lines', 'full-width punctuation', 'half-width punctuation']],
];

describe('readDisclosureText over transformed seeds', () => {
  describe.each(CASES)('%s', (bureau, transforms) => {
    const original = seed(bureau);
    const expected = shape(readDisclosureText(original));

    it.each(transforms)('%s: same sheets and counts (5 random runs)', (name) => {
      for (let run = 1; run <= 5; run += 1) {
        const next = random(run * 7919);
        const text = TRANSFORMS[name](original, next);
        expect({ run, shape: shape(readDisclosureText(text)) }).toEqual({ run, shape: expected });
      }
    });

    it('a random combination of the transforms: same sheets and counts', () => {
      for (let run = 1; run <= 5; run += 1) {
        const next = random(run * 104729);
        const chosen = transforms.filter(() => next() < 0.5);
        const text = chosen.reduce((current, name) => TRANSFORMS[name](current, next), original);
        expect({ run, chosen, shape: shape(readDisclosureText(text)) }).toEqual({ run, chosen, shape: expected });
      }
    });
  });
});
