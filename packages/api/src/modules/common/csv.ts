/** CSV for spreadsheets in Catalan: UTF-8 with a byte order mark, `;` between fields, RFC 4180 quoting. */
export const CSV_BOM = '\uFEFF';

export function csvField(value: string | number | boolean | null | undefined, delimiter = ';'): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A leading =, +, - or @ would be read by spreadsheets as a formula.
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim()
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

export function csvRow(values: (string | number | boolean | null | undefined)[], delimiter = ';'): string {
  return `${values.map((value) => csvField(value, delimiter)).join(delimiter)}\r\n`;
}
