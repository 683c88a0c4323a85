import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, formatRate } from './progress.ts';

describe('formatRate', () => {
  it('says nothing before a second has passed or before anything is done', () => {
    expect(formatRate(5000, 0)).toBe('');
    expect(formatRate(5000, 0.4)).toBe('');
    expect(formatRate(0, 12)).toBe('');
  });

  it('rounds fast rates and keeps a decimal for slow ones', () => {
    expect(formatRate(50_000, 2)).toBe(' 25000/s');
    expect(formatRate(2, 32.4)).toBe(' 0.1/s');
    expect(formatRate(93, 38.9)).toBe(' 2.4/s');
  });
});

/** A stream that is not a terminal, and what was written to it. */
function captured() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return { stream: stream as unknown as NodeJS.WriteStream, output: () => text };
}

describe('createProgress', () => {
  it('writes a line with the share done, and the final line once', () => {
    const { stream, output } = captured();
    const progress = createProgress('import', 200, stream);
    progress.tick(10);
    progress.tick(200);
    progress.tick(200);
    progress.done('imported 200 rows');
    const lines = output().trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^import \[#\.+\] 10\/200 5% 0\.0s$/);
    expect(lines[1]).toMatch(/^import \[#{24}\] 200\/200 100% \d+\.\ds$/);
    expect(lines[2]).toBe('imported 200 rows');
  });

  it('counts the rate from when the work began, when that was before the first tick', () => {
    const { stream, output } = captured();
    createProgress('import', 100_000, stream, Date.now() - 10_000).tick(50_000);
    expect(output()).toMatch(/^import \[#{12}\.{12}\] 50000\/100000 50% (49\d\d|5000)\/s 10\.\ds\n$/);
  });
});
