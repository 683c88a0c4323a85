import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { type UserError, userError } from '../../errors.ts';
import { IMPORT_COLUMNS, type ImportColumn, type ImportRecord, REQUIRED_COLUMNS } from './import-row.ts';

/** A problem with the file as a whole (no rows can be read): unknown columns, broken JSON, ... */
export class ImportFileError extends Error {}

export interface ImportFile {
  format: 'csv' | 'json';
  /** For CSV: the detected delimiter, used again for the file of rejected rows. */
  delimiter: ',' | ';';
  columns: ImportColumn[];
  /** Rows with their number as a person counts them: CSV rows from 2 (1 is the header), JSON entries from 1. */
  rows: { row: number; record: ImportRecord; problem?: UserError }[];
}

/** Detects the delimiter from the header: the one that splits it into known column names. */
export function detectDelimiter(headerLine: string): ',' | ';' {
  const score = (delimiter: string) =>
    headerLine
      .split(delimiter)
      .map((cell) => cell.trim().replace(/^"|"$/g, '').toLowerCase())
      .filter((cell) => (IMPORT_COLUMNS as readonly string[]).includes(cell)).length;
  return score(';') > score(',') ? ';' : ',';
}

function checkColumns(header: string[]): ImportColumn[] {
  const columns = header.map((cell) => cell.trim().toLowerCase());
  const unknown = columns.filter((column) => !(IMPORT_COLUMNS as readonly string[]).includes(column));
  if (unknown.length > 0) {
    throw new ImportFileError(
      `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `"${c}"`).join(', ')}; ` +
        `the columns are: ${IMPORT_COLUMNS.join(', ')}`,
    );
  }
  const duplicated = columns.filter((column, index) => columns.indexOf(column) !== index);
  if (duplicated.length > 0) throw new ImportFileError(`column "${duplicated[0]}" appears twice`);
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0)
    throw new ImportFileError(
      `missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`,
    );
  return columns as ImportColumn[];
}

export function parseCsv(text: string): ImportFile {
  const content = text.replace(/^\uFEFF/, '');
  const firstLine = content.slice(0, content.search(/\r?\n|$/));
  if (firstLine.trim() === '') throw new ImportFileError('the file is empty (expected a header row)');
  const delimiter = detectDelimiter(firstLine);
  let cells: string[][];
  try {
    cells = parse(content, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: false });
  } catch (error) {
    throw new ImportFileError(`not a readable CSV file: ${(error as Error).message}`);
  }
  const [header = [], ...body] = cells;
  const columns = checkColumns(header);
  const rows = body.map((values, index) => {
    const record: ImportRecord = {};
    for (const [position, column] of columns.entries()) record[column] = values[position] ?? '';
    const problem =
      values.length !== columns.length
        ? userError('IMPORT_ROW_CELL_COUNT', null, { cells: values.length, columns: columns.length })
        : undefined;
    return { row: index + 2, record, ...(problem ? { problem } : {}) };
  });
  return { format: 'csv', delimiter, columns, rows };
}

export function parseJson(text: string): ImportFile {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ImportFileError(`not valid JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(data) ? data : (data as { companies?: unknown })?.companies;
  if (!Array.isArray(list))
    throw new ImportFileError('expected a JSON array of companies (or {"companies": [...]})');
  const seen = new Set<string>();
  const rows = list.map((item: unknown, index) => {
    const row = index + 1;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      return { row, record: {}, problem: userError('IMPORT_ROW_NOT_AN_OBJECT', null) };
    }
    const keys = Object.keys(item);
    const unknown = keys.filter((key) => !(IMPORT_COLUMNS as readonly string[]).includes(key));
    for (const key of keys) seen.add(key);
    return {
      row,
      record: item as ImportRecord,
      ...(unknown.length > 0
        ? { problem: userError('IMPORT_ROW_UNKNOWN_FIELDS', null, { fields: unknown.join(', ') }) }
        : {}),
    };
  });
  const columns = IMPORT_COLUMNS.filter((column) => seen.has(column));
  return { format: 'json', delimiter: ',', columns, rows };
}

/** Reads a CSV or JSON import file (JSON when the name ends in .json or the text starts with [ or {). */
export async function readImportFile(path: string): Promise<ImportFile> {
  const text = await readFile(path, 'utf8');
  const isJson = extname(path).toLowerCase() === '.json' || /^\uFEFF?\s*[[{]/.test(text);
  return isJson ? parseJson(text) : parseCsv(text);
}
