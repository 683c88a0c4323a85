import { builder } from '../../builder.ts';
import type { Context, Viewer } from '../../context.ts';
import { ErrorCode, type UserError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { isUuid } from '../common/ids.ts';
import { changed, failed, mutationPayload, refused } from '../common/payload.schema.ts';
import { UserErrorRef, userError } from '../common/user-error.schema.ts';
import { LocaleEnum } from '../i18n/locale.schema.ts';
import { accountInputErrors } from './account-input.ts';
import { consumeToken } from './account-token.service.ts';
import { login } from './login.service.ts';
import { hashPassword } from './password.ts';
import { passwordProblem } from './password-policy.ts';
import { requestPasswordReset } from './password-reset.service.ts';
import { register } from './register.service.ts';
import { revokeSession, revokeSessions, SESSION_COOKIE, SESSION_DAYS } from './session.service.ts';
import { clearAccountFailures } from './throttle.service.ts';

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
    emailVerified: t.boolean({ resolve: (account) => account.emailVerifiedAt !== null }),
    name: t.exposeString('name', { nullable: true }),
    locale: t.expose('locale', { type: LocaleEnum }),
    companies: t.prismaField({
      type: ['Company'],
      description: 'The companies this account edits, whatever their status.',
      resolve: (query, account, _args, { db }) =>
        db.company.findMany({
          ...query,
          where: { memberships: { some: { accountId: account.id } } },
          orderBy: { name: 'asc' },
        }),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

interface SessionPayload {
  token: string | null;
  accountId: string | null;
  retryAfterSeconds?: number | null;
  userErrors: UserError[];
}

/** Register and login: a session token (also set as a cookie) and the signed-in account. */
const sessionPayload = (name: string) =>
  builder.objectRef<SessionPayload>(name).implement({
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

const RegisterPayload = sessionPayload('RegisterPayload');

builder.objectField(RegisterPayload, 'retryAfterSeconds', (t) =>
  t.int({
    nullable: true,
    description: 'When registering is throttled (code RATE_LIMITED): seconds until it may be tried again.',
    resolve: (payload) => payload.retryAfterSeconds ?? null,
  }),
);

const RoleChangePayload = mutationPayload('SetAccountRolePayload', 'account', 'Account', (db, query, id) =>
  db.account.findUnique({ ...query, where: { id } }),
);

const RegisterInput = builder.inputType('RegisterInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true, description: 'At least 12 characters, not a common password.' }),
    name: t.string(),
    locale: t.field({ type: LocaleEnum }),
  }),
});

function startSession(context: Context, token: string, account: Viewer) {
  context.http?.setCookie(SESSION_COOKIE, token, SESSION_DAYS * 24 * 60 * 60);
  // The rest of this request is the signed-in account's: it may read its own account.
  context.viewer = account;
  context.sessionToken = token;
}

const LoginPayload = sessionPayload('LoginPayload');

builder.objectField(LoginPayload, 'retryAfterSeconds', (t) =>
  t.int({
    nullable: true,
    description: 'When sign-in is throttled (code RATE_LIMITED): seconds until it may be tried again.',
    resolve: (payload) => payload.retryAfterSeconds ?? null,
  }),
);

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
      const invalid = accountInputErrors({ email: ['email', email], password: ['password', password] });
      if (invalid.length > 0) return { token: null, accountId: null, userErrors: invalid };
      const result = await login(context.db, email, password, context.clientAddress);
      if (!result.ok && result.retryAfterSeconds) {
        const wait = result.retryAfterSeconds;
        context.http?.setHeader('Retry-After', String(wait));
        return {
          token: null,
          accountId: null,
          retryAfterSeconds: wait,
          userErrors: [
            userError(
              ErrorCode.RATE_LIMITED,
              wait < 120
                ? `Too many failed attempts: try again in ${wait} seconds`
                : `Too many failed attempts: try again in ${Math.ceil(wait / 60)} minutes`,
            ),
          ],
        };
      }
      if (!result.ok) {
        return {
          token: null,
          accountId: null,
          userErrors: [
            userError(ErrorCode.UNAUTHENTICATED, 'The email or the password is not right', 'password'),
          ],
        };
      }
      startSession(context, result.token, result.account);
      return { token: result.token, accountId: result.account.id, userErrors: [] };
    },
  }),
  register: t.field({
    type: RegisterPayload,
    description:
      'Creates an account (role USER) and mails a link to confirm the address; nobody is signed in (sign in with `login`). ' +
      'The answer is the same when the address already has an account (its owner is mailed instead): `account` is always null.',
    args: { input: t.arg({ type: RegisterInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const result = await register(context.db, input, context.clientAddress, context.publicUrl);
      if (!result.ok) {
        if (result.retryAfterSeconds)
          context.http?.setHeader('Retry-After', String(result.retryAfterSeconds));
        return {
          token: null,
          accountId: null,
          retryAfterSeconds: result.retryAfterSeconds ?? null,
          userErrors: result.errors,
        };
      }
      return { token: null, accountId: null, userErrors: [] };
    },
  }),
  setAccountRole: t.field({
    type: RoleChangePayload,
    description: 'Administrators only: grants a role (for example PROCUREMENT_OFFICER to a municipal buyer).',
    args: {
      accountId: t.arg.id({ required: true }),
      role: t.arg({ type: RoleEnum, required: true }),
    },
    authScopes: { admin: true },
    unauthorizedResolver: refused,
    resolve: async (_root, { accountId, role }, context) => {
      const id = String(accountId);
      if (id === context.viewer?.id && role !== 'ADMIN') {
        return failed([
          userError(ErrorCode.VALIDATION, 'You cannot take away your own administrator role', 'role'),
        ]);
      }
      const found = isUuid(id)
        ? await context.db.$transaction(async (tx) => {
            const account = await tx.account.findUnique({ where: { id } });
            if (!account) return null;
            if (role !== 'USER' && !account.emailVerifiedAt) return 'unverified' as const;
            if (account.role !== role) {
              await tx.account.update({ where: { id }, data: { role } });
              // Sessions opened under the old role end (the caller's own stays, when it is theirs).
              await revokeSessions(tx, id, context.sessionToken);
              await recordAudit(tx, {
                actorId: context.viewer?.id ?? null,
                action: 'account.role',
                entityType: 'Account',
                entityId: id,
                changes: { role: { before: account.role, after: role } },
              });
            }
            return account;
          })
        : null;
      if (found === 'unverified') {
        return failed([
          userError(
            ErrorCode.CONFLICT,
            'This account has not confirmed its email address: roles above USER need a confirmed address',
            'accountId',
          ),
        ]);
      }
      return found ? changed(id) : failed([userError(ErrorCode.NOT_FOUND, 'No such account', 'accountId')]);
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

const OkPayload = builder
  .objectRef<{ ok: boolean; userErrors: UserError[]; retryAfterSeconds?: number }>('OkPayload')
  .implement({
    fields: (t) => ({
      ok: t.exposeBoolean('ok'),
      userErrors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.userErrors }),
      retryAfterSeconds: t.int({
        nullable: true,
        description: 'With a RATE_LIMITED userError: seconds until it may be tried again.',
        resolve: (payload) => payload.retryAfterSeconds ?? null,
      }),
    }),
  });

const badToken = () => ({
  ok: false,
  userErrors: [
    userError(ErrorCode.VALIDATION, 'This link is not valid any more: ask for a new one', 'token'),
  ],
});

builder.mutationFields((t) => ({
  verifyEmail: t.field({
    type: OkPayload,
    description: 'Confirms an email address with the single-use token sent to it.',
    args: { token: t.arg.string({ required: true }) },
    resolve: async (_root, { token }, { db }) => {
      const done = await db.$transaction(async (tx) => {
        const accountId = await consumeToken(tx, token, 'VERIFY_EMAIL');
        if (!accountId) return false;
        await tx.account.update({ where: { id: accountId }, data: { emailVerifiedAt: new Date() } });
        return true;
      });
      return done ? { ok: true, userErrors: [] } : badToken();
    },
  }),
  requestPasswordReset: t.field({
    type: OkPayload,
    description:
      'Sends a password reset link when the address has an account; the answer is the same either way.',
    args: { email: t.arg.string({ required: true }) },
    resolve: async (_root, { email }, context) => {
      const invalid = accountInputErrors({ email: ['email', email] });
      if (invalid.length > 0) return { ok: false, userErrors: invalid };
      const result = await requestPasswordReset(context.db, email, context.clientAddress, context.publicUrl);
      if (result.ok) return { ok: true, userErrors: [] };
      context.http?.setHeader('Retry-After', String(result.retryAfterSeconds));
      return { ok: false, userErrors: result.errors, retryAfterSeconds: result.retryAfterSeconds };
    },
  }),
  resetPassword: t.field({
    type: OkPayload,
    description:
      'Sets a new password with a reset token (single use, one hour). Every session of the account ends, ' +
      'failed sign-ins against it are forgotten, and the address counts as confirmed (the link reached it).',
    args: { token: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, { token, password }, { db }) => {
      const invalid = accountInputErrors({ password: ['password', password] });
      if (invalid.length > 0) return { ok: false, userErrors: invalid };
      const result = await db
        .$transaction(async (tx) => {
          const accountId = await consumeToken(tx, token, 'RESET_PASSWORD');
          if (!accountId) return 'token' as const;
          const account = await tx.account.findUniqueOrThrow({ where: { id: accountId } });
          const problem = passwordProblem(password, account.email);
          if (problem) throw new PasswordRefused(problem);
          await tx.account.update({
            where: { id: accountId },
            data: {
              passwordHash: await hashPassword(password),
              emailVerifiedAt: account.emailVerifiedAt ?? new Date(),
            },
          });
          await revokeSessions(tx, accountId);
          await recordAudit(tx, {
            actorId: accountId,
            action: 'account.password-reset',
            entityType: 'Account',
            entityId: accountId,
            changes: {},
          });
          return { email: account.email };
        })
        .catch((error: unknown) => {
          if (error instanceof PasswordRefused) return error;
          throw error;
        });
      if (result === 'token') return badToken();
      if (result instanceof PasswordRefused) {
        // The transaction rolled back: the token still works for a better password.
        return {
          ok: false,
          userErrors: [userError(ErrorCode.VALIDATION, `The password ${result.message}`, 'password')],
        };
      }
      await clearAccountFailures(db, result.email);
      return { ok: true, userErrors: [] };
    },
  }),
}));

class PasswordRefused extends Error {}
