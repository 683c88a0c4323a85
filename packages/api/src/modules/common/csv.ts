/** CSV for spreadsheets in Catalan: UTF-8 with a byte order mark, `;` between fields, RFC 4180 quoting. */
export const CSV_BOM = '\uFEFF';

type Cell = string | number | boolean | null | undefined;

/**
 * One field. `formulaGuard` (on by default) defuses text a spreadsheet would run as a formula;
 * files meant to be imported again (rejected rows) turn it off to keep values as they were.
 */
export function csvField(value: Cell, delimiter = ';', formulaGuard = true): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A leading =, +, - or @ would be read by spreadsheets as a formula.
  if (formulaGuard && /^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim()
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

export function csvRow(values: Cell[], delimiter = ';', formulaGuard = true): string {
  return `${values.map((value) => csvField(value, delimiter, formulaGuard)).join(delimiter)}\r\n`;
}
