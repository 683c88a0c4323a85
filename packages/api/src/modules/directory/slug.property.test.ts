import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fallbackSlug, slugify } from './slug.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('slugs (properties)', () => {
  it('are lower-case words joined by dashes, at most 80 characters, for any name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (name) => {
        const slug = slugify(name);
        expect(slug).toMatch(SLUG);
        expect(slug.length).toBeLessThanOrEqual(80);
        expect(slugify(slug)).toBe(slug);
      }),
    );
  });

  it('with the tax ID are different for different tax IDs, and still slugs', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 120 }),
        fc.stringMatching(/^[A-Z]\d{7}[0-9A-J]$/),
        fc.stringMatching(/^[A-Z]\d{7}[0-9A-J]$/),
        (name, a, b) => {
          fc.pre(a !== b);
          expect(fallbackSlug(name, a)).not.toBe(fallbackSlug(name, b));
          expect(fallbackSlug(name, a)).toMatch(SLUG);
        },
      ),
    );
  });
});
