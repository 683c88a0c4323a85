import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getNamedType,
  Kind,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { ErrorCode } from '../errors.ts';
import { LIMITS } from './limits.ts';

const PAGE_ARGUMENTS = new Set(['first', 'last']);

/**
 * Finds every `first` / `last` argument of the request, variables resolved, above the page size.
 * Pothos would silently cut such a page short; the contract asks for a clear error instead.
 */
export function pageSizeErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): GraphQLError[] {
  const errors: GraphQLError[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        if (!PAGE_ARGUMENTS.has(node.name.value)) return;
        const argument = typeInfo.getArgument();
        const field = typeInfo.getFieldDef();
        if (!argument || !field || getNamedType(argument.type).name !== 'Int') return;
        if (node.value.kind === Kind.NULL) return;
        const value = valueFromAST(node.value, argument.type, variables ?? {});
        if (typeof value !== 'number') return;
        if (value > LIMITS.pageSize || value < 0) {
          errors.push(
            new GraphQLError(
              `"${node.name.value}" of ${field.name} is ${value}: it must be from 0 to ${LIMITS.pageSize}; use "after" to read further pages`,
              { nodes: [node], extensions: { code: ErrorCode.LIMIT_EXCEEDED, http: { status: 400 } } },
            ),
          );
        }
      },
    }),
  );
  return errors;
}
