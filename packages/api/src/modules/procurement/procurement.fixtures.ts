import type { TestApi } from '../../testing/test-api.ts';
import { parseJson } from '../directory/directory-file.ts';
import { importDirectory } from '../directory/directory-import.service.ts';

/** What the procurement tests share: companies to work with, and userErrors as they expect them. */

/** Companies stored through the directory import, one row each as the JSON import file has it. */
export async function importCompanies(api: TestApi, rows: Record<string, unknown>[]): Promise<void> {
  await importDirectory(api.db, parseJson(JSON.stringify(rows)));
}

/** The selection of a payload's userErrors the tests compare against `problem`. */
export const USER_ERRORS = 'userErrors { field code reason params { name value } }';

export interface Problem {
  field: string | null;
  code: string;
  reason: string;
  params: { name: string; value: string }[];
}

/** A userError as the tests expect it: code, reason, field and parameters (never the message). */
export const problem = (
  field: string | null,
  code: string,
  reason: string,
  params: Record<string, string> = {},
): Problem => ({
  field,
  code,
  reason,
  params: Object.entries(params).map(([name, value]) => ({ name, value })),
});
