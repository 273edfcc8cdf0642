import { Counter, Histogram, renderGauge } from './metrics-registry';

describe('Prometheus text format', () => {
  it('writes a counter per label set, with HELP and TYPE', () => {
    const counter = new Counter('jobs_total', 'Jobs finished');
    counter.inc({ name: 'a', outcome: 'completed' });
    counter.inc({ outcome: 'completed', name: 'a' }, 2); // the same series whatever the order of the labels
    counter.inc({ name: 'b', outcome: 'failed' });
    expect(counter.render()).toEqual([
      '# HELP jobs_total Jobs finished',
      '# TYPE jobs_total counter',
      'jobs_total{name="a",outcome="completed"} 3',
      'jobs_total{name="b",outcome="failed"} 1',
    ]);
  });

  it('writes cumulative histogram buckets, +Inf, sum and count', () => {
    const histogram = new Histogram('d_seconds', 'Durations', [0.1, 1]);
    for (const v of [0.05, 0.5, 0.5, 3]) histogram.observe({ route: '/api/x' }, v);
    expect(histogram.render()).toEqual([
      '# HELP d_seconds Durations',
      '# TYPE d_seconds histogram',
      'd_seconds_bucket{route="/api/x",le="0.1"} 1',
      'd_seconds_bucket{route="/api/x",le="1"} 3',
      'd_seconds_bucket{route="/api/x",le="+Inf"} 4',
      'd_seconds_sum{route="/api/x"} 4.05',
      'd_seconds_count{route="/api/x"} 4',
    ]);
  });

  it('escapes label values and writes gauges', () => {
    expect(renderGauge('g', 'A gauge', [{ labels: { path: 'a"b\\c\nd' }, value: 2 }])).toEqual(['# HELP g A gauge', '# TYPE g gauge', 'g{path="a\\"b\\\\c\\nd"} 2']);
  });
});
