/**
 * A small Prometheus registry writing the text exposition format (version 0.0.4) by hand: counters,
 * histograms and gauges with labels. Enough for the API's own metrics without a client library.
 */

type Labels = Readonly<Record<string, string>>;

/** `{a="1",b="x"}` with the format's escapes (backslash, quote, newline). */
function renderLabels(labels: Labels, extra: Labels = {}): string {
  const all = { ...labels, ...extra };
  const parts = Object.entries(all).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  return parts.length > 0 ? `{${parts.join(',')}}` : '';
}

const keyOf = (labels: Labels): string => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));

/** A number as Prometheus writes it (+Inf, integers without a fraction). */
const num = (value: number): string => (value === Infinity ? '+Inf' : String(value));

export interface Metric {
  render(): string[];
}

export class Counter implements Metric {
  private readonly values = new Map<string, { labels: Labels; value: number }>();

  constructor(
    readonly name: string,
    private readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = keyOf(labels);
    const entry = this.values.get(key) ?? { labels, value: 0 };
    entry.value += by;
    this.values.set(key, entry);
  }

  render(): string[] {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`, ...[...this.values.values()].map((e) => `${this.name}${renderLabels(e.labels)} ${num(e.value)}`)];
  }
}

export class Histogram implements Metric {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();

  constructor(
    readonly name: string,
    private readonly help: string,
    private readonly buckets: readonly number[],
  ) {}

  observe(labels: Labels, value: number): void {
    const key = keyOf(labels);
    const entry = this.series.get(key) ?? { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
    this.buckets.forEach((bound, i) => {
      if (value <= bound) entry.counts[i]! += 1;
    });
    entry.sum += value;
    entry.count += 1;
    this.series.set(key, entry);
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const e of this.series.values()) {
      this.buckets.forEach((bound, i) => lines.push(`${this.name}_bucket${renderLabels(e.labels, { le: num(bound) })} ${e.counts[i]}`));
      lines.push(`${this.name}_bucket${renderLabels(e.labels, { le: '+Inf' })} ${e.count}`);
      lines.push(`${this.name}_sum${renderLabels(e.labels)} ${num(e.sum)}`);
      lines.push(`${this.name}_count${renderLabels(e.labels)} ${e.count}`);
    }
    return lines;
  }
}

/** A gauge read when scraped: `samples` are the current values. */
export function renderGauge(name: string, help: string, samples: readonly { labels: Labels; value: number }[]): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, ...samples.map((s) => `${name}${renderLabels(s.labels)} ${num(s.value)}`)];
}
