import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { getDatamodel, type PrismaTypes } from '@proximitat/db';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import type { Context } from './context.ts';
import { appError } from './errors.ts';
import { LIMITS } from './limits/limits.ts';

const QUERY_LIMIT_REASONS = {
  depth: 'QUERY_TOO_DEEP',
  breadth: 'QUERY_TOO_BROAD',
  complexity: 'QUERY_TOO_COSTLY',
} as const;

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  AuthScopes: {
    signedIn: boolean;
    procurement: boolean;
    staff: boolean;
    admin: boolean;
  };
  Scalars: {
    ID: { Input: string; Output: string | number };
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
  };
}>({
  defaultFieldNullability: false,
  // Input is validated with zod in the resolvers (modules/common/validation.ts), where a failure
  // becomes userErrors with reasons rather than a GraphQL error.
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin, ComplexityPlugin],
  scopeAuth: {
    authScopes: (context) => {
      // Roles above USER need a verified email (the Viewer's role is USER until then as well).
      const role = context.viewer?.emailVerified ? context.viewer.role : undefined;
      return {
        signedIn: context.viewer !== null,
        procurement: role === 'PROCUREMENT_OFFICER' || role === 'STAFF' || role === 'ADMIN',
        staff: role === 'STAFF' || role === 'ADMIN',
        admin: role === 'ADMIN',
      };
    },
    unauthorizedError: (_parent, context) =>
      context.viewer ? appError('NOT_ALLOWED', null) : appError('SIGN_IN_REQUIRED', null),
  },
  prisma: {
    client: (context) => context.db,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: { complexity: LIMITS.complexity, depth: LIMITS.depth, breadth: LIMITS.breadth },
    complexityError: (kind, result) => {
      const name = String(kind).toLowerCase() as 'depth' | 'breadth' | 'complexity';
      const limit = { depth: result.maxDepth, breadth: result.maxBreadth, complexity: result.maxComplexity }[
        name
      ];
      return appError(QUERY_LIMIT_REASONS[name], null, { actual: result[name], max: limit ?? 0 });
    },
  },
});

builder.queryType({});
builder.mutationType({});
builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('Date', DateResolver);
