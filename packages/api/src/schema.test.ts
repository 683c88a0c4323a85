import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from './schema.ts';

describe('the printed schema', () => {
  it('is current: the web client is typed against it (regenerate with pnpm generate)', () => {
    const printed = readFileSync(fileURLToPath(new URL('../schema.graphql', import.meta.url)), 'utf8');
    expect(printed).toBe(`${printSchema(schema)}\n`);
  });
});
