import type { Db, PrismaTypes } from '@proximitat/db';
import { builder } from '../../builder.ts';
import type { Context, Viewer } from '../../context.ts';
import { AppError, ErrorCode, type UserError } from '../../errors.ts';
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

/** The payload of a service's result: the changed object's id, or what was wrong. */
export const outcome = (
  result: { ok: true; id: string } | { ok: false; errors: UserError[] },
): MutationPayload => (result.ok ? changed(result.id) : failed(result.errors));

/** The signed-in viewer of a field whose scope-auth has already refused anonymous callers. */
export function signedInViewer(context: Context): Viewer {
  if (!context.viewer) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in to do this');
  return context.viewer;
}

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
