import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from './locales.ts';
import { ca, type MessageKey } from './messages.ca.ts';
import { createTranslator, MESSAGES } from './translator.ts';

const KEYS = Object.keys(ca) as MessageKey[];

const KIND: Partial<Record<TYPE, string>> = {
  [TYPE.argument]: 'argument',
  [TYPE.number]: 'number',
  [TYPE.date]: 'date',
  [TYPE.time]: 'time',
  [TYPE.select]: 'select',
  [TYPE.plural]: 'plural',
};

/** Every argument of a parsed message, as "name:kind", option bodies included. */
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    const kind = KIND[element.type];
    if (kind && 'value' in element && typeof element.value === 'string') {
      const ordinal = element.type === TYPE.plural && element.pluralType === 'ordinal';
      found.add(`${element.value}:${ordinal ? 'selectordinal' : kind}`);
    }
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, found);
    }
  }
  return found;
}

function parsed(locale: Locale, key: MessageKey) {
  return parse(MESSAGES[locale][key], { ignoreTag: true, requiresOtherClause: true });
}

describe('messages', () => {
  it('every message of every language is valid ICU MessageFormat', () => {
    const invalid: string[] = [];
    for (const { code } of LOCALES) {
      for (const key of KEYS) {
        try {
          parsed(code, key);
        } catch (error) {
          invalid.push(`${code} ${key}: ${(error as Error).message}`);
        }
      }
    }
    expect(invalid).toEqual([]);
  });

  it('the three languages of a key take the same arguments, of the same kinds', () => {
    const differ: string[] = [];
    for (const key of KEYS) {
      const catalan = [...argumentsOf(parsed('CA', key))].sort();
      for (const code of ['ES', 'EN'] as const) {
        const other = [...argumentsOf(parsed(code, key))].sort();
        if (catalan.join() !== other.join()) differ.push(`${key}: CA ${catalan} / ${code} ${other}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('a message without arguments renders exactly as written (apostrophes included)', () => {
    const changed: string[] = [];
    let checked = 0;
    for (const { code } of LOCALES) {
      const { t } = createTranslator(code);
      for (const key of KEYS) {
        if (argumentsOf(parsed(code, key)).size > 0) continue;
        checked++;
        const raw = MESSAGES[code][key];
        const shown = (t as (key: MessageKey) => string)(key);
        if (shown !== raw) changed.push(`${code} ${key}: ${JSON.stringify(raw)} → ${JSON.stringify(shown)}`);
      }
    }
    expect(changed).toEqual([]);
    expect(checked).toBeGreaterThan(KEYS.length * 2);
  });

  it('apostrophes before ICU syntax are the one thing ICU would change, and no message has one', () => {
    // "'{", "'}", "'#" and "''" start or are quotes in ICU: a Catalan elision right before an argument
    // ("d'{name}") would lose its apostrophe and swallow the argument. Write "d’{name}" or reword.
    const risky: string[] = [];
    for (const { code } of LOCALES) {
      for (const key of KEYS) {
        if (/'[{}#|]|''/.test(MESSAGES[code][key])) risky.push(`${code} ${key}`);
      }
    }
    expect(risky).toEqual([]);
  });

  it('every language has exactly the Catalan keys', () => {
    // (A message may be empty on purpose: a note only one language needs.)
    for (const { code } of LOCALES) {
      expect(Object.keys(MESSAGES[code]).sort()).toEqual([...KEYS].sort());
    }
  });
});

describe('plurals', () => {
  const cases: [Locale, number, string][] = [
    ['CA', 1, '1 empresa'],
    ['CA', 2, '2 empreses'],
    ['CA', 0, '0 empreses'],
    ['CA', 1234, '1.234 empreses'],
    ['ES', 1, '1 empresa'],
    ['ES', 2, '2 empresas'],
    ['ES', 0, '0 empresas'],
    ['ES', 1234, '1234 empresas'],
    ['EN', 1, '1 company'],
    ['EN', 2, '2 companies'],
    ['EN', 0, '0 companies'],
    ['EN', 1234, '1,234 companies'],
  ];
  it.each(cases)('%s %d → %s', (locale, count, expected) => {
    expect(createTranslator(locale).t('count.companies', { count })).toBe(expected);
  });

  it('contracts, measures and neighbourhoods agree with their number', () => {
    const { t } = createTranslator('CA');
    expect(t('count.contracts', { count: 1 })).toBe('1 contracte');
    expect(t('count.contracts', { count: 3 })).toBe('3 contractes');
    expect(t('count.measures', { count: 1 })).toBe('1 mesura');
    expect(t('count.neighbourhoods', { count: 73 })).toBe('73 barris');
    expect(createTranslator('EN').t('count.neighbourhoods', { count: 1 })).toBe('1 neighbourhood');
    expect(createTranslator('ES').t('count.measures', { count: 2 })).toBe('2 medidas');
  });

  it('select picks the option of its value in each language', () => {
    expect(createTranslator('CA').t('language.in', { locale: 'ES' })).toBe('en castellà');
    expect(createTranslator('ES').t('language.in', { locale: 'CA' })).toBe('en catalán');
    expect(createTranslator('EN').t('language.in', { locale: 'EN' })).toBe('in English');
  });

  it('a simple argument is replaced', () => {
    expect(createTranslator('CA').t('district.accountabilityCsv', { period: 2026 })).toBe(
      'Descarrega la rendició de comptes de 2026 (CSV)',
    );
  });
});

describe('messages with numbers and dates', () => {
  const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

  it('counts inside a sentence agree with their number in each language', () => {
    expect(createTranslator('CA').t('plan.measuresDoneOf', { done: 1, total: 1 })).toBe('1 de 1 mesura feta');
    expect(createTranslator('CA').t('plan.measuresDoneOf', { done: 12, total: 40 })).toBe(
      '12 de 40 mesures fetes',
    );
    expect(createTranslator('ES').t('esg.answeredOf', { answered: 3, total: 20 })).toBe(
      '3 de 20 criterios respondidos',
    );
    expect(createTranslator('EN').t('esg.answeredOf', { answered: 0, total: 1 })).toBe(
      '0 of 1 criterion answered',
    );
    expect(createTranslator('EN').t('district.companiesCount', { count: 1 })).toBe(
      '1 company in the directory',
    );
    expect(createTranslator('CA').t('tender.inviteCount', { count: 0 })).toBe('Envia les invitacions');
    expect(createTranslator('CA').t('tender.inviteCount', { count: 1 })).toBe('Envia la invitació');
    expect(createTranslator('ES').t('tender.inviteCount', { count: 3 })).toBe('Enviar las 3 invitaciones');
  });

  it('a number in a message is written as the language writes it', () => {
    const values = { district: 'Gràcia', rate: 12.345, count: 1200 };
    expect(createTranslator('CA').t('stats.districtRate', values)).toBe(
      'Gràcia: 12,3 per 10.000 habitants (1.200 empreses)',
    );
    expect(createTranslator('ES').t('stats.districtRate', values)).toBe(
      'Gràcia: 12,3 por 10.000 habitantes (1200 empresas)',
    );
    expect(createTranslator('EN').t('stats.districtRate', values)).toBe(
      'Gràcia: 12.3 per 10,000 inhabitants (1,200 companies)',
    );
  });

  it('a date in a message is in the interface language and the platform time zone', () => {
    const date = '2026-03-05T23:30:00Z'; // already 6 March in Barcelona
    expect(plain(createTranslator('CA').t('moderation.submittedOn', { date }))).toBe(
      'Enviada el dia 6 de març del 2026, 0:30',
    );
    expect(plain(createTranslator('ES').t('moderation.submittedOn', { date: new Date(date) }))).toBe(
      'Enviada el 6 de marzo de 2026, 0:30',
    );
    expect(plain(createTranslator('EN').t('moderation.submittedOn', { date: Date.parse(date) }))).toBe(
      'Submitted on March 6, 2026, 12:30 AM',
    );
  });

  it('a date-only value in a message is that day', () => {
    expect(createTranslator('CA').t('company.validUntilDate', { date: '2027-01-01' })).toBe(
      'vàlida fins al dia 1 de gener del 2027',
    );
    expect(createTranslator('EN').t('dashboard.expiresOn', { date: '2026-12-31' })).toBe(
      'Expires on Dec 31, 2026',
    );
  });
});
