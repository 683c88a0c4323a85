import { describe, expect, it } from 'vitest';
import { growthPerMinute, percentileOfSorted, summarise } from './stats.ts';

describe('benchmark statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    const summary = summarise(values);
    expect(summary).toMatchObject({ count: 100, p50: 50, p95: 95, p99: 99, max: 100, mean: 50.5 });
    expect(percentileOfSorted([7], 99)).toBe(7);
    expect(Number.isNaN(percentileOfSorted([], 50))).toBe(true);
  });

  it('measures growth as a share of the mean per minute', () => {
    const flat = Array.from({ length: 60 }, (_, i) => ({ atMs: i * 1000, value: 200 }));
    expect(growthPerMinute(flat)).toBe(0);
    // From 100 to 159 over a minute: a slope of about 60 a minute around a mean of about 130.
    const rising = Array.from({ length: 60 }, (_, i) => ({ atMs: i * 1000, value: 100 + i }));
    expect(growthPerMinute(rising)).toBeCloseTo(60 / 129.5, 2);
    const falling = rising.map((s) => ({ ...s, value: 300 - s.value }));
    expect(growthPerMinute(falling)).toBeLessThan(0);
  });
});
