import { EditorInvitationStatus } from '@proximitat/db';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { normaliseEmail } from '../account/password.ts';
import {
  failed,
  type MutationPayload,
  outcome,
  refusal,
  refused,
  signedInViewer,
} from '../common/payload.schema.ts';
import { UserErrorRef } from '../common/user-error.schema.ts';
import { parseInput } from '../common/validation.ts';
import { canEdit, isStaff } from '../directory/membership.ts';
import { answerInvitation, invitationStatus, inviteEditor, revokeInvitation } from './editors.service.ts';
import { InvitedEmailSchema } from './moderation-input.ts';

// The stored statuses, and EXPIRED: a pending invitation past its expiry reads so (invitationStatus).
const InvitationStatusEnum = builder.enumType({ ...EditorInvitationStatus, EXPIRED: 'EXPIRED' } as const, {
  name: 'EditorInvitationStatus',
  description: 'PENDING until the invited account answers; EXPIRED when nobody answered in time.',
});

// The account with the address, once it has proved it owns it: anyone could register the address.
const isInvitee = (context: Context, emailKey: string) =>
  context.viewer?.emailVerified && normaliseEmail(context.viewer.email) === emailKey;

export const EditorInvitationRef = builder.prismaObject('EditorInvitation', {
  description:
    "A request to edit a company, sent to an email address: visible to the company's editors, staff and the account with that address.",
  authScopes: async (invitation, context) =>
    isInvitee(context, invitation.emailKey) || (await canEdit(context, invitation.companyId)),
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email', { description: 'The address invited, as the inviter typed it.' }),
    status: t.field({
      type: InvitationStatusEnum,
      select: { status: true, expiresAt: true },
      resolve: (invitation) => invitationStatus(invitation),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    company: t.relation('company'),
    invitedByEmail: t.string({
      nullable: true,
      description: 'The address of the account that sent it (no other account data).',
      select: { invitedById: true },
      resolve: async (invitation, _args, { db }) =>
        (await db.account.findUnique({ where: { id: invitation.invitedById }, select: { email: true } }))
          ?.email ?? null,
    }),
  }),
});

builder.prismaObjectFields('Company', (t) => ({
  editorInvitations: t.prismaField({
    type: ['EditorInvitation'],
    description:
      'Invitations still waiting for an answer: visible to its editors and to staff (empty for others).',
    select: { id: true },
    resolve: async (query, company, _args, context) => {
      if (!(await canEdit(context, company.id))) return [];
      return context.db.editorInvitation.findMany({
        ...query,
        where: { companyId: company.id, status: 'PENDING', expiresAt: { gt: new Date() } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
    },
  }),
}));

builder.prismaObjectFields('Account', (t) => ({
  editorInvitations: t.prismaField({
    type: ['EditorInvitation'],
    description: "Invitations to edit a company sent to this account's address and waiting for its answer.",
    select: { id: true, email: true },
    resolve: (query, account, _args, context) =>
      context.viewer?.id === account.id && context.viewer.emailVerified
        ? context.db.editorInvitation.findMany({
            ...query,
            where: {
              emailKey: normaliseEmail(account.email),
              status: 'PENDING',
              expiresAt: { gt: new Date() },
            },
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          })
        : [],
  }),
}));

const InvitationPayload = builder.objectRef<MutationPayload>('EditorInvitationPayload').implement({
  fields: (t) => ({
    invitation: t.prismaField({
      type: 'EditorInvitation',
      nullable: true,
      resolve: (query, payload, _args, { db }) =>
        payload.id ? db.editorInvitation.findUnique({ ...query, where: { id: payload.id } }) : null,
    }),
    retryAfterSeconds: t.int({
      nullable: true,
      description:
        'When invitations are rate limited (code RATE_LIMITED): seconds until one may be sent again.',
      resolve: (payload) => payload.retryAfterSeconds ?? null,
    }),
    userErrors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.userErrors }),
  }),
});

const actorOf = (context: Context) => ({ id: signedInViewer(context).id, staff: isStaff(context) });

builder.mutationFields((t) => ({
  addCompanyEditor: t.field({
    type: InvitationPayload,
    description:
      'An editor (or staff) invites an email address to edit the company. Nothing is mailed; the account with that address sees the invitation when signed in and accepts or declines it. The answer is the same whether or not the address has an account.',
    args: { companyId: t.arg.id({ required: true }), email: t.arg.string({ required: true }) },
    authScopes: { signedIn: true },
    unauthorizedResolver: refused,
    resolve: async (_root, { companyId, email }, context) => {
      const invited = parseInput(InvitedEmailSchema, email, 'email');
      if (!invited.ok) return failed(invited.errors);
      const result = await inviteEditor(context.db, actorOf(context), String(companyId), invited.data);
      return result.ok ? outcome(result) : refusal(context, result);
    },
  }),
  revokeEditorInvitation: t.field({
    type: InvitationPayload,
    description: 'An editor (or staff) withdraws an invitation still waiting for its answer.',
    args: { id: t.arg.id({ required: true }) },
    authScopes: { signedIn: true },
    unauthorizedResolver: refused,
    resolve: async (_root, { id }, context) =>
      outcome(await revokeInvitation(context.db, actorOf(context), String(id))),
  }),
  acceptEditorInvitation: t.field({
    type: InvitationPayload,
    description:
      'The invited account (with its address verified) accepts: it becomes an editor of the company.',
    args: { id: t.arg.id({ required: true }) },
    authScopes: { signedIn: true },
    unauthorizedResolver: refused,
    resolve: async (_root, { id }, context) =>
      outcome(await answerInvitation(context.db, signedInViewer(context), String(id), 'ACCEPT')),
  }),
  declineEditorInvitation: t.field({
    type: InvitationPayload,
    description: 'The invited account declines the invitation.',
    args: { id: t.arg.id({ required: true }) },
    authScopes: { signedIn: true },
    unauthorizedResolver: refused,
    resolve: async (_root, { id }, context) =>
      outcome(await answerInvitation(context.db, signedInViewer(context), String(id), 'DECLINE')),
  }),
}));
