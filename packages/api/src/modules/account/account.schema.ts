import { builder } from '../../builder.ts';
import { ErrorCode } from '../../errors.ts';
import { UserErrorRef, userError } from '../common/user-error.schema.ts';
import { login } from './login.service.ts';
import { revokeSession, SESSION_COOKIE, SESSION_DAYS } from './session.service.ts';

export const RoleEnum = builder.enumType('Role', {
  description: "An account's role. Company editing is not a role: it is a membership of a company.",
  values: ['USER', 'PROCUREMENT_OFFICER', 'STAFF', 'ADMIN'] as const,
});

export const AccountRef = builder.prismaObject('Account', {
  description: 'A person who signs in. Visible to the account itself and to staff.',
  authScopes: (account, context) => account.id === context.viewer?.id || { staff: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
    role: t.expose('role', { type: RoleEnum }),
  }),
});

const LoginPayload = builder
  .objectRef<{ token: string | null; accountId: string | null; userErrors: ReturnType<typeof userError>[] }>(
    'LoginPayload',
  )
  .implement({
    fields: (t) => ({
      token: t.exposeString('token', {
        nullable: true,
        description:
          'For `Authorization: Bearer <token>`; the browser gets the same session as an httpOnly cookie.',
      }),
      account: t.prismaField({
        type: 'Account',
        nullable: true,
        resolve: (query, payload, _args, { db }) =>
          payload.accountId ? db.account.findUnique({ ...query, where: { id: payload.accountId } }) : null,
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.userErrors }),
    }),
  });

const LogoutPayload = builder.objectRef<{ ok: boolean }>('LogoutPayload').implement({
  fields: (t) => ({ ok: t.exposeBoolean('ok') }),
});

builder.queryFields((t) => ({
  me: t.prismaField({
    type: 'Account',
    nullable: true,
    description: 'The signed-in account, or null.',
    resolve: (query, _root, _args, { db, viewer }) =>
      viewer ? db.account.findUnique({ ...query, where: { id: viewer.id } }) : null,
  }),
}));

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginPayload,
    description: 'Signs in: a token for API clients and an httpOnly session cookie for the browser.',
    args: {
      email: t.arg.string({ required: true }),
      password: t.arg.string({ required: true }),
    },
    resolve: async (_root, { email, password }, context) => {
      const result = await login(context.db, email, password);
      if (!result.ok) {
        return {
          token: null,
          accountId: null,
          userErrors: [
            userError(ErrorCode.UNAUTHENTICATED, 'The email or the password is not right', 'password'),
          ],
        };
      }
      context.http?.setCookie(SESSION_COOKIE, result.token, SESSION_DAYS * 24 * 60 * 60);
      // The rest of this request is the signed-in account's: it may read its own account.
      context.viewer = result.account;
      context.sessionToken = result.token;
      return { token: result.token, accountId: result.account.id, userErrors: [] };
    },
  }),
  logout: t.field({
    type: LogoutPayload,
    description: 'Ends the session of the request (its token or cookie stops working at once).',
    resolve: async (_root, _args, context) => {
      const ok = context.sessionToken ? await revokeSession(context.db, context.sessionToken) : false;
      context.http?.clearCookie(SESSION_COOKIE);
      return { ok };
    },
  }),
}));
