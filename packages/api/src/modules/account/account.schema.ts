import { Role } from '@proximitat/db';
import { builder } from '../../builder.ts';
import type { Context, Viewer } from '../../context.ts';
import type { ServiceResult, UserError } from '../../errors.ts';
import { mutationPayload, outcome, refused, signedInViewer } from '../common/payload.schema.ts';
import { UserErrorRef } from '../common/user-error.schema.ts';
import { parseInput } from '../common/validation.ts';
import { LocaleEnum } from '../i18n/locale.schema.ts';
import {
  LoginInputSchema,
  PasswordResetRequestSchema,
  RegisterInputSchema,
  ResetPasswordInputSchema,
} from './account-input.ts';
import { setAccountRole } from './account-role.service.ts';
import { verifyEmail } from './email-verification.service.ts';
import { login } from './login.service.ts';
import { requestPasswordReset, resetPassword } from './password-reset.service.ts';
import { register } from './register.service.ts';
import { revokeSession, SESSION_COOKIE, SESSION_DAYS } from './session.service.ts';

export const RoleEnum = builder.enumType(Role, {
  name: 'Role',
  description: "An account's role. Company editing is not a role: it is a membership of a company.",
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

/** A refused service result's Retry-After header, when it is a rate limit. */
function retryAfter(context: Context, result: { retryAfterSeconds?: number }): number | null {
  if (!result.retryAfterSeconds) return null;
  context.http?.setHeader('Retry-After', String(result.retryAfterSeconds));
  return result.retryAfterSeconds;
}

const noSession = (userErrors: UserError[], retryAfterSeconds: number | null = null): SessionPayload => ({
  token: null,
  accountId: null,
  retryAfterSeconds,
  userErrors,
});

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginPayload,
    description: 'Signs in: a token for API clients and an httpOnly session cookie for the browser.',
    args: {
      email: t.arg.string({ required: true }),
      password: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, context) => {
      const input = parseInput(LoginInputSchema, args, '');
      if (!input.ok) return noSession(input.errors);
      const result = await login(context.db, input.data, context.clientAddress);
      if (!result.ok) return noSession(result.errors, retryAfter(context, result));
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
    resolve: async (_root, args, context) => {
      const input = parseInput(RegisterInputSchema, args.input, 'input');
      if (!input.ok) return noSession(input.errors);
      const result = await register(context.db, input.data, context.clientAddress, context.publicUrl);
      return noSession(result.ok ? [] : result.errors, result.ok ? null : retryAfter(context, result));
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
    resolve: async (_root, { accountId, role }, context) =>
      outcome(
        await setAccountRole(
          context.db,
          { id: signedInViewer(context).id, sessionToken: context.sessionToken },
          String(accountId),
          role,
        ),
      ),
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

interface OkResult {
  ok: boolean;
  userErrors: UserError[];
  retryAfterSeconds?: number | null;
}

const OkPayload = builder.objectRef<OkResult>('OkPayload').implement({
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

const okPayload = (context: Context, result: ServiceResult<Record<never, never>>): OkResult =>
  result.ok
    ? { ok: true, userErrors: [] }
    : { ok: false, userErrors: result.errors, retryAfterSeconds: retryAfter(context, result) };

builder.mutationFields((t) => ({
  verifyEmail: t.field({
    type: OkPayload,
    description: 'Confirms an email address with the single-use token sent to it.',
    args: { token: t.arg.string({ required: true }) },
    resolve: async (_root, { token }, context) => okPayload(context, await verifyEmail(context.db, token)),
  }),
  requestPasswordReset: t.field({
    type: OkPayload,
    description:
      'Sends a password reset link when the address has an account; the answer is the same either way.',
    args: { email: t.arg.string({ required: true }) },
    resolve: async (_root, args, context) => {
      const input = parseInput(PasswordResetRequestSchema, args, '');
      if (!input.ok) return { ok: false, userErrors: input.errors };
      return okPayload(
        context,
        await requestPasswordReset(context.db, input.data, context.clientAddress, context.publicUrl),
      );
    },
  }),
  resetPassword: t.field({
    type: OkPayload,
    description:
      'Sets a new password with a reset token (single use, one hour). Every session of the account ends, ' +
      'failed sign-ins against it are forgotten, and the address counts as confirmed (the link reached it).',
    args: { token: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, args, context) => {
      const input = parseInput(ResetPasswordInputSchema, args, '');
      if (!input.ok) return { ok: false, userErrors: input.errors };
      return okPayload(context, await resetPassword(context.db, input.data));
    },
  }),
}));
