import { paramList, reasonMessage } from '@proximitat/errors';
import {
  type ArgumentNode,
  type DocumentNode,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  Kind,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { reasonExtensions } from '../errors.ts';
import { LIMITS } from './limits.ts';

const PAGE_ARGUMENTS = new Set(['first', 'last']);

interface PageArgument {
  node: ArgumentNode;
  type: GraphQLInputType;
  fieldName: string;
}

/** The page-size arguments of each document, found once: Apollo reuses a document's parsed form. */
const pageArgumentsOf = new WeakMap<DocumentNode, PageArgument[]>();

function pageArguments(schema: GraphQLSchema, document: DocumentNode): PageArgument[] {
  let found = pageArgumentsOf.get(document);
  if (found) return found;
  found = [];
  const list = found;
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
        list.push({ node, type: argument.type, fieldName: field.name });
      },
    }),
  );
  pageArgumentsOf.set(document, found);
  return found;
}

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
  for (const { node, type } of pageArguments(schema, document)) {
    const value = valueFromAST(node.value, type, variables ?? {});
    if (typeof value !== 'number') continue;
    if (value > LIMITS.pageSize || value < 0) {
      errors.push(
        new GraphQLError(reasonMessage('EN', 'PAGE_TOO_LARGE', paramList({ max: LIMITS.pageSize })), {
          nodes: [node],
          extensions: {
            ...reasonExtensions('PAGE_TOO_LARGE', { max: LIMITS.pageSize }),
            field: node.name.value,
            http: { status: 400 },
          },
        }),
      );
    }
  }
  return errors;
}
