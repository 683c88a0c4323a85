import { paramList, reasonMessage } from '@proximitat/errors';
import { GraphQLError, type ValidationRule } from 'graphql';
import { reasonExtensions } from '../errors.ts';

/**
 * Root fields that each cost a round of work in the engines below the API (a search in
 * Meilisearch and a read of its page from PostgreSQL, or PostgreSQL's full text when Meilisearch
 * is away; the directory's statistics; a filtered listing), counted per document: thirty aliased
 * searches in one request were thirty searches at once for one caller. A page asks for one.
 */
export const COSTLY_FIELDS: Record<string, number> = {
  searchCompanies: 3,
  // Nine aggregate queries over the directory (cached, but a new alias is a new cache key).
  ecosystemStats: 1,
  // A filtered page and its count.
  companies: 3,
  // Up to 5,000 located companies of a whole result set, for a map: a page shows one map.
  searchCompanyPoints: 1,
};

/** Refuses a document that names a costly field more often than allowed (aliases included). */
export const costlyFieldsRule: ValidationRule = (context) => {
  const counts = new Map<string, number>();
  return {
    Field(node) {
      const name = node.name.value;
      const allowed = COSTLY_FIELDS[name];
      if (allowed === undefined || context.getParentType()?.name !== 'Query') return;
      const count = (counts.get(name) ?? 0) + 1;
      counts.set(name, count);
      if (count === allowed + 1) {
        context.reportError(
          // Apollo Server gives validation errors the code GRAPHQL_VALIDATION_FAILED.
          new GraphQLError(
            reasonMessage('EN', 'TOO_MANY_COSTLY_FIELDS', paramList({ field: name, max: allowed })),
            {
              nodes: [node],
              extensions: reasonExtensions('TOO_MANY_COSTLY_FIELDS', { field: name, max: allowed }),
            },
          ),
        );
      }
    },
  };
};
