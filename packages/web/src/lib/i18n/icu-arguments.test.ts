import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ArgumentsOf, ValuesOf, ValuesParameter } from './icu-arguments.ts';
import type { ca } from './messages.ca.ts';
import { createTranslator } from './translator.ts';

// These are checked by the type checker (`tsc --noEmit -p packages/web`); the test run only makes
// sure the file loads. A reader that read arguments wrongly fails the type check here.
describe('the arguments a message needs, read at the type level', () => {
  it('reads plain, formatted, plural and nested arguments', () => {
    expectTypeOf<ArgumentsOf<'Sense arguments'>>().toBeNever();
    expectTypeOf<ArgumentsOf<'Hola {name}!'>>().toEqualTypeOf<['name', 'argument']>();
    expectTypeOf<ValuesOf<'{count, plural, one {# empresa} other {# empreses}}'>>().toEqualTypeOf<{
      count: number;
    }>();
    expectTypeOf<
      ValuesOf<'{n, plural, =0 {cap a {place}} one {# a {place}} other {# el {when, date, medium}}} {kind, select, a {A} other {B}}'>
    >().toEqualTypeOf<{ n: number; place: string | number; when: Date | number | string; kind: string }>();
    expectTypeOf<ValuesOf<'{amount, number, ::currency/EUR} de {total, number}'>>().toEqualTypeOf<{
      amount: number;
      total: number;
    }>();
  });

  it('t takes no values for a message without arguments and requires them for one with', () => {
    expectTypeOf<ValuesParameter<typeof ca, 'nav.home'>>().toEqualTypeOf<[]>();
    expectTypeOf<ValuesParameter<typeof ca, 'count.companies'>>().toEqualTypeOf<
      [values: { count: number }]
    >();
    // A key chosen at run time (a union) takes optional, unchecked values.
    expectTypeOf<ValuesParameter<typeof ca, 'status.DONE' | 'status.PLANNED'>>().toEqualTypeOf<
      [values?: Record<string, string | number | Date>]
    >();

    const { t } = createTranslator('CA');
    // @ts-expect-error: count.companies needs its count
    expect(() => t('count.companies')).not.toThrow();
    // @ts-expect-error: a misspelt value
    t('count.companies', { cuont: 2 });
    // @ts-expect-error: a count is a number
    t('count.companies', { count: '2' });
    // @ts-expect-error: nav.home takes no values
    t('nav.home', { count: 2 });
    expect(t('count.companies', { count: 2 })).toBe('2 empreses');
  });
});
