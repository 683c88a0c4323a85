import { describe, expect, it } from 'vitest';
import { productionCommand, seedNodeArgs } from './production-command.ts';

describe('productionCommand', () => {
  it('reads the heap cap and the built entry point from the start script', () => {
    const { nodeArgs, entry } = productionCommand();
    expect(nodeArgs).toContainEqual(expect.stringMatching(/^--max-old-space-size=\d+$/));
    expect(entry).toMatch(/packages\/api\/dist\/main\.js$/);
  });
});

describe('seedNodeArgs', () => {
  it("drops the server's heap cap, in any of node's spellings, and keeps every other flag", () => {
    expect(
      seedNodeArgs([
        '--max-old-space-size=256',
        '--enable-source-maps',
        '--max_old_space_size=128',
        '--cpu-prof',
        '--max-old-space-size-percentage=50',
      ]),
    ).toEqual(['--enable-source-maps', '--cpu-prof', '--max-old-space-size-percentage=50']);
  });
});
