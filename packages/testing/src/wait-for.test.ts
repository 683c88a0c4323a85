import { describe, expect, it } from 'vitest';
import { waitFor } from './wait-for.ts';

describe('waitFor', () => {
  it('returns the first truthy value of the condition, trying again until then', async () => {
    let tries = 0;
    const value = await waitFor(() => (++tries >= 3 ? { tries } : null), { interval: 1 });
    expect(value).toEqual({ tries: 3 });
  });

  it('counts a throwing condition as not met yet', async () => {
    let tries = 0;
    const value = await waitFor(
      async () => {
        if (++tries < 3) throw new Error('not yet');
        return 'ready';
      },
      { interval: 1 },
    );
    expect(value).toBe('ready');
  });

  it('fails on timeout with what it waited for and the last error', async () => {
    const started = Date.now();
    await expect(waitFor(() => false, { timeout: 60, interval: 10, message: 'the moon' })).rejects.toThrow(
      /^waitFor: timed out after \d+ ms \(\d+ tries\) waiting for the moon$/,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    await expect(
      waitFor(
        () => {
          throw new Error('still down');
        },
        { timeout: 20, interval: 5, message: () => 'the database' },
      ),
    ).rejects.toThrow(/waiting for the database; last error: still down$/);
  });
});
