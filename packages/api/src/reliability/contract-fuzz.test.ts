import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  typeFromAST,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../schema.ts';
import { signedIn, type TestAccount } from '../testing/accounts.ts';
import { startTestApi, type TestApi } from '../testing/test-api.ts';

const operations = parse(
  readFileSync(new URL('../../contract/operations.graphql', import.meta.url), 'utf8'),
).definitions.filter(
  (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
);

/** Strings that break naive code: empty, huge, control characters, quotes, injections, odd Unicode. */
const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\'; DROP TABLE "Company"; --',
    '" OR 1=1 --',
    '<script>alert(1)</script>',
    '\u0000',
    '\uD800',
    '../../etc/passwd',
    '{"$where": "1"}',
    'x'.repeat(5000),
    '2.6.A',
    '00000000-0000-0000-0000-000000000000',
    'F08123453',
    '45210000-2',
  ),
);

/** A value for a GraphQL input type: mostly well-typed, sometimes null or of the wrong type. */
function valueFor(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  const wrong = fc.constantFrom(null, 42, 'text', true, [], {});
  if (isNonNullType(type))
    return fc.oneof({ weight: 9, arbitrary: valueFor(type.ofType, depth) }, { weight: 1, arbitrary: wrong });
  const well = (): fc.Arbitrary<unknown> => {
    if (isListType(type)) return fc.array(valueFor(type.ofType, depth + 1), { maxLength: depth > 1 ? 2 : 5 });
    if (isEnumType(type))
      return fc.oneof(fc.constantFrom(...type.getValues().map((value) => value.name)), nastyString);
    if (isInputObjectType(type)) {
      if (depth > 3) return fc.constant(null);
      const fields = Object.values(type.getFields());
      return fc.record(
        Object.fromEntries(fields.map((field) => [field.name, valueFor(field.type, depth + 1)])),
        {
          requiredKeys: [],
        },
      );
    }
    switch (getNamedType(type).name) {
      case 'Int':
        return fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom(-2_147_483_648, 2_147_483_647, 0));
      case 'Float':
        return fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.constantFrom(41.39, 2.17, -0, 1e308),
        );
      case 'Boolean':
        return fc.boolean();
      default:
        return nastyString;
    }
  };
  return fc.oneof(
    { weight: 8, arbitrary: well() },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: wrong },
  );
}

let api: TestApi;
let staff: TestAccount;
let officer: TestAccount;

beforeAll(async () => {
  api = await startTestApi();
  staff = await signedIn(api, 'STAFF');
  officer = await signedIn(api, 'PROCUREMENT_OFFICER');
});
afterAll(async () => api?.close());

describe('every contract operation under random variables', () => {
  for (const operation of operations) {
    const name = operation.name?.value ?? '?';
    it(`${name} answers with data or clear errors, never a failure`, async () => {
      const variables = fc.record(
        Object.fromEntries(
          (operation.variableDefinitions ?? []).map((definition) => [
            definition.variable.name.value,
            valueFor(typeFromAST(schema, definition.type as never) as GraphQLInputType),
          ]),
        ),
        { requiredKeys: [] },
      );
      const document = print(operation);
      await fc.assert(
        fc.asyncProperty(
          variables,
          fc.constantFrom<(TestAccount | null)[]>(null, staff, officer),
          async (values, who) => {
            const response = await api.graphql(document, values, who ? { token: who.token } : {});
            expect(response.status, JSON.stringify(values).slice(0, 300)).toBeLessThan(500);
            expect(response.data !== undefined || (response.errors?.length ?? 0) > 0).toBe(true);
            for (const error of response.errors ?? []) {
              expect(
                error.extensions?.code,
                `${error.message} for ${JSON.stringify(values).slice(0, 300)}`,
              ).not.toBe('INTERNAL_SERVER_ERROR');
            }
          },
        ),
        { numRuns: 25 },
      );
    });
  }

  it('refuses the NUL character, which PostgreSQL cannot store, in variables and in the document', async () => {
    for (const response of [
      await api.graphql('query ($slug: String!) { company(slug: $slug) { id } }', { slug: 'a\u0000b' }),
      await api.graphql('{ company(slug: "a\\u0000b") { id } }'),
    ]) {
      expect(response.status).toBe(400);
      expect(response.errors).toEqual([
        expect.objectContaining({
          message: 'El text no pot contenir el caràcter NUL (U+0000).',
          extensions: { code: 'VALIDATION', reason: 'TEXT_HAS_NUL', params: {} },
        }),
      ]);
    }
  });
});
