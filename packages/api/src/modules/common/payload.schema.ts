import type { Db, PrismaTypes } from '@proximitat/db';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import type { UserError } from '../../errors.ts';
import { notAllowed, UserErrorRef } from './user-error.schema.ts';

/** What most mutations return: the changed object's id (null when nothing changed) and the userErrors. */
export interface MutationPayload {
  id: string | null;
  userErrors: UserError[];
}

export const changed = (id: string): MutationPayload => ({ id, userErrors: [] });
export const failed = (userErrors: UserError[]): MutationPayload => ({ id: null, userErrors });
/** For scope-auth's unauthorizedResolver: the caller may not do this; nothing changed. */
export const refused = (_root: unknown, _args: unknown, context: Context): MutationPayload =>
  failed([notAllowed(context)]);

/**
 * A payload type `{ <field>: <Model>, userErrors }`: the object is loaded by id with the client's
 * selection, after the mutation has committed.
 */
export function mutationPayload(
  name: string,
  field: string,
  model: keyof PrismaTypes,
  find: (db: Db, query: object, id: string) => Promise<unknown>,
) {
  return builder.objectRef<MutationPayload>(name).implement({
    fields: (t) => ({
      [field]: t.prismaField({
        // One helper serves several models; each `find` returns rows of its own model.
        type: model as 'Company',
        nullable: true,
        resolve: (query, payload, _args, { db }) =>
          payload.id ? (find(db, query, payload.id) as never) : null,
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.userErrors }),
    }),
  });
}
