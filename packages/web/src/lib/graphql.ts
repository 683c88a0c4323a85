import { initGraphQLTada } from 'gql.tada';
import type { introspection } from '../graphql-env.d.ts';

/** Typed GraphQL documents: result and variable types come from the API's printed schema. */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; Date: string; ID: string };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';

/** The values of the schema's enum `Name`. */
export type EnumOf<Name extends string> = ReturnType<typeof graphql.scalar<Name>>;

/**
 * Every value of a schema enum, in the order given (the order the interface shows them): a value
 * the list misses, or one the schema does not have, fails the type check.
 */
export const everyValue =
  <Value extends string>() =>
  <const List extends readonly Value[]>(
    list: List &
      ([Exclude<Value, List[number]>] extends [never] ? unknown : { missing: Exclude<Value, List[number]> }),
  ): List =>
    list;
