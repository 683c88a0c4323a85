import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanFormatError, parsePlanDocument } from './plan-document.ts';
import { SEED_PLAN_FILE } from './plan-file.ts';

const seedLines = readFileSync(SEED_PLAN_FILE, 'utf8').split('\n');

/** Parses, and says how it went: a plan, or a PlanFormatError with a line number; anything else fails. */
function outcome(text: string): 'plan' | 'format error' {
  try {
    parsePlanDocument(text);
    return 'plan';
  } catch (error) {
    expect(error).toBeInstanceOf(PlanFormatError);
    expect((error as Error).message).toMatch(/line \d+/);
    return 'format error';
  }
}

describe('the plan importer (properties)', () => {
  it('answers any text with a plan or a format error that names a line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => void outcome(text)),
      { numRuns: 200 },
    );
  });

  it('answers the seed document with lines deleted, duplicated or garbled the same way', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: seedLines.length - 1 }),
            fc.constantFrom('delete', 'duplicate', 'garble'),
            fc.string({ maxLength: 20 }),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        (edits) => {
          const lines = [...seedLines];
          for (const [at, kind, junk] of edits) {
            const index = Math.min(at, lines.length - 1);
            if (kind === 'delete') lines.splice(index, 1);
            else if (kind === 'duplicate') lines.splice(index, 0, lines[index] ?? '');
            else lines[index] = `${junk}${lines[index] ?? ''}`;
          }
          outcome(lines.join('\n'));
        },
      ),
      { numRuns: 100 },
    );
  });
});
