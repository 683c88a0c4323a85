import type { Db, PrismaTypes } from '@proximitat/db';
import { builder } from '../../builder.ts';
import type { Context, Viewer } from '../../context.ts';
import { appError, type UserError } from '../../errors.ts';
import type { QueueActor } from './rate-limited.ts';
import { notAllowed, UserErrorRef } from './user-error.schema.ts';

/** What most mutations return: the changed object's id (null when nothing changed) and the userErrors. */
export interface MutationPayload {
  id: string | null;
  userErrors: UserError[];
  /** With a RATE_LIMITED userError: seconds until the action may be tried again. */
  retryAfterSeconds?: number | null;
}

export const changed = (id: string): MutationPayload => ({ id, userErrors: [] });
export const failed = (userErrors: UserError[], retryAfterSeconds?: number): MutationPayload => ({
  id: null,
  userErrors,
  ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
});
/** For scope-auth's unauthorizedResolver: the caller may not do this; nothing changed. */
export const refused = (_root: unknown, _args: unknown, context: Context): MutationPayload =>
  failed([notAllowed(context)]);

/** The payload of a service's result: the changed object's id, or what was wrong. */
export const outcome = (
  result: { ok: true; id: string } | { ok: false; errors: UserError[]; retryAfterSeconds?: number },
): MutationPayload => (result.ok ? changed(result.id) : failed(result.errors, result.retryAfterSeconds));

/** A failed payload for a service's refusal; a rate limit also answers with a Retry-After header. */
export function refusal(
  context: Context,
  result: { errors: UserError[]; retryAfterSeconds?: number },
): MutationPayload {
  if (result.retryAfterSeconds) context.http?.setHeader('Retry-After', String(result.retryAfterSeconds));
  return failed(result.errors, result.retryAfterSeconds);
}

/**
 * For scope-auth's unauthorizedResolver on a query of one object: a signed-in caller without the
 * scope gets null, as if the object did not exist; an anonymous one is asked to sign in.
 */
export const nullUnlessSignedIn = (_root: unknown, _args: unknown, context: Context): null => {
  if (!context.viewer) throw appError('SIGN_IN_REQUIRED', null);
  return null;
};

/** The signed-in viewer of a field whose scope-auth has already refused anonymous callers. */
export function signedInViewer(context: Context): Viewer {
  if (!context.viewer) throw appError('SIGN_IN_REQUIRED', null);
  return context.viewer;
}

/** Who fills a staff queue from this request: the signed-in account and the client's address. */
export const queueActor = (context: Context): QueueActor => ({
  accountId: signedInViewer(context).id,
  address: context.clientAddress,
});

/**
 * A payload type `{ <field>: <Model>, userErrors }`: the object is loaded by id with the client's
 * selection, after the mutation has committed.
 */
export function mutationPayload(
  name: string,
  field: string,
  model: keyof PrismaTypes,
  find: (db: Db, query: object, id: string) => Promise<unknown>,
  options: { rateLimited?: boolean } = {},
) {
  return builder.objectRef<MutationPayload>(name).implement({
    fields: (t) => ({
      ...(options.rateLimited
        ? {
            retryAfterSeconds: t.int({
              nullable: true,
              description:
                'When the action is rate limited (code RATE_LIMITED): seconds until it may be tried again.',
              resolve: (payload) => payload.retryAfterSeconds ?? null,
            }),
          }
        : {}),
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
