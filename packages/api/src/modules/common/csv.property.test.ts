import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRow } from './csv.ts';

const cell = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('"', '""', ';', ',', '\n', '\r\n', ' x ', '=1+1', '-3', '+34 93', '@cmd', 'l·l àèéíòóúç'),
);

describe('CSV rows (properties)', () => {
  it('read back cell for cell, with either separator, whatever the cells hold', () => {
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(';', ','),
        (cells, delimiter) => {
          const text = csvRow(cells, delimiter, false);
          expect(parse(text, { delimiter, relax_column_count: true })).toEqual([cells]);
        },
      ),
    );
  });

  it('defuse what a spreadsheet would run as a formula, and keep everything else', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 8 }), (cells) => {
        const [row] = parse(csvRow(cells), { delimiter: ';', relax_column_count: true }) as string[][];
        cells.forEach((value, index) => {
          const read = row?.[index] ?? '';
          if (/^[=+\-@\t\r]/.test(value)) expect(read).toBe(`'${value}`);
          else expect(read).toBe(value);
        });
      }),
    );
  });
});
