import { InvitationResponse } from '@proximitat/db';
import { builder } from '../../builder.ts';
import { appError } from '../../errors.ts';
import {
  failed,
  mutationPayload,
  nullUnlessSignedIn,
  outcome,
  refusal,
  refused,
  signedInViewer,
} from '../common/payload.schema.ts';
import { parseInput } from '../common/validation.ts';
import { CompanyRef } from '../directory/company.schema.ts';
import { LocaleEnum } from '../i18n/locale.schema.ts';
import { loadReference } from '../reference/reference-cache.ts';
import { explainMatch } from './match-explanation.ts';
import {
  InvitationInputSchema,
  ResponseNoteSchema,
  TENDER_LIMITS,
  tenderInputSchema,
} from './tender.input.ts';
import {
  createTender,
  inviteSuppliers,
  matchTender,
  recordInvitationResponse,
  type TenderMatches,
  tenderAccess,
  updateTender,
} from './tender.service.ts';
import type { Match, Reason } from './tender-matching.ts';

const InvitationResponseEnum = builder.enumType(InvitationResponse, { name: 'InvitationResponse' });

/** Every kind of match reason (tender-matching.ts's Reason), once: a kind added there fails the type check here. */
const MATCH_REASON_KINDS = {
  CPV: 'CPV',
  TEXT: 'TEXT',
  DISTRICT: 'DISTRICT',
  ESG: 'ESG',
  RESERVED: 'RESERVED',
  SOCIAL_CLAUSES: 'SOCIAL_CLAUSES',
  CAPACITY: 'CAPACITY',
} as const satisfies { [K in Reason['kind']]: K };

const ReasonKindEnum = builder.enumType(MATCH_REASON_KINDS, { name: 'MatchReasonKind' });

const ReasonRef = builder.objectRef<Reason>('MatchReason').implement({
  fields: (t) => ({
    kind: t.field({ type: ReasonKindEnum, resolve: (reason) => reason.kind }),
    text: t.string({
      args: { locale: t.arg({ type: LocaleEnum }) },
      resolve: async (reason, { locale }, { db }) =>
        explainMatch(reason, locale ?? 'CA', await loadReference(db)),
    }),
  }),
});

const MatchRef = builder.objectRef<Match>('TenderMatch').implement({
  fields: (t) => ({
    company: t.prismaField({
      type: CompanyRef,
      resolve: (query, match, _args, { db }) =>
        db.company.findUniqueOrThrow({ ...query, where: { id: match.candidate.id } }),
    }),
    score: t.int({ description: '0..100; how the points add up is in README.md.', resolve: (m) => m.score }),
    reasons: t.field({ type: [ReasonRef], resolve: (match) => match.reasons }),
  }),
});

const MatchesRef = builder.objectRef<TenderMatches>('TenderMatches').implement({
  fields: (t) => ({
    totalCount: t.exposeInt('totalCount', { description: 'Eligible suppliers in all.' }),
    degraded: t.exposeBoolean('degraded', {
      description: 'The search engine was unreachable: the ranking leaves out the text of the need.',
    }),
    items: t.field({ type: [MatchRef], resolve: (result) => result.matches }),
  }),
});

builder.prismaObject('TenderInvitation', {
  fields: (t) => ({
    id: t.exposeID('id'),
    company: t.relation('company'),
    email: t.exposeString('email'),
    message: t.exposeString('message', { nullable: true }),
    sentAt: t.expose('sentAt', { type: 'DateTime' }),
    response: t.expose('response', { type: InvitationResponseEnum }),
    respondedAt: t.expose('respondedAt', { type: 'DateTime', nullable: true }),
    responseNote: t.exposeString('responseNote', { nullable: true }),
  }),
});

builder.prismaObject('Tender', {
  description: 'A need an officer describes to find suppliers: visible to its owner and to staff.',
  authScopes: async (tender, context) => (await tenderAccess(context.db, tender.id, context.viewer)) !== null,
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    reference: t.exposeString('reference', { nullable: true }),
    cpvCodes: t.exposeStringList('cpvCodes'),
    districts: t.exposeStringList('districtCodes', { description: 'District codes "01".."10".' }),
    reserved: t.exposeBoolean('reserved'),
    socialClauses: t.exposeStringList('socialClauses'),
    budget: t.float({
      nullable: true,
      description: 'Estimated value without VAT, in euros.',
      select: { budget: true },
      resolve: (tender) => (tender.budget === null ? null : Number(tender.budget)),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    matches: t.field({
      type: MatchesRef,
      description: 'Eligible suppliers, best first, with why each one matches.',
      args: { first: t.arg.int({ defaultValue: 20 }) },
      complexity: (args) => ({ field: 5, multiplier: args.first ?? 20 }),
      resolve: (tender, { first }, { db, search }) => {
        const count = first ?? 20;
        if (count < 0 || count > TENDER_LIMITS.matches) {
          throw appError('PAGE_TOO_LARGE', 'first', { max: TENDER_LIMITS.matches });
        }
        return matchTender(db, search, tender.id, count);
      },
    }),
    invitations: t.relation('invitations', { query: { orderBy: { sentAt: 'asc' } } }),
  }),
});

const TenderInput = builder.inputType('TenderInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    description: t.string({ description: 'What is needed, in words: matched against what companies do.' }),
    reference: t.string({ description: "The file number (número d'expedient)." }),
    cpvCodes: t.stringList({ description: '"90910000-9"; the check digit is validated.' }),
    districts: t.stringList({ description: 'District codes "01".."10" where the contract is carried out.' }),
    reserved: t.boolean({ description: 'Reserved under Llei 9/2017, DA 4a.' }),
    socialClauses: t.stringList({
      description: 'Social clause codes the contract includes: suppliers must declare all.',
    }),
    budget: t.float({ description: 'Estimated value without VAT, in euros.' }),
  }),
});

builder.queryFields((t) => ({
  tender: t.prismaField({
    type: 'Tender',
    nullable: true,
    description: 'A tender its owner or staff can see, while they hold a procurement role; null otherwise.',
    args: { id: t.arg.id({ required: true }) },
    authScopes: { procurement: true },
    unauthorizedResolver: nullUnlessSignedIn,
    resolve: async (query, _root, { id }, context) =>
      (await tenderAccess(context.db, String(id), context.viewer)) === null
        ? null
        : context.db.tender.findUnique({ ...query, where: { id: String(id) } }),
  }),
  myTenders: t.prismaConnection({
    type: 'Tender',
    cursor: 'id',
    authScopes: { procurement: true },
    totalCount: (_parent, _args, context) =>
      context.db.tender.count({ where: { ownerId: context.viewer?.id ?? '' } }),
    resolve: (query, _root, _args, context) =>
      context.db.tender.findMany({
        ...query,
        where: { ownerId: context.viewer?.id ?? '' },
        orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      }),
  }),
}));

const TenderPayload = mutationPayload(
  'TenderPayload',
  'tender',
  'Tender',
  (db, query, id) => db.tender.findUnique({ ...query, where: { id } }),
  { rateLimited: true },
);

const officers = { authScopes: { procurement: true }, unauthorizedResolver: refused } as const;

builder.mutationFields((t) => ({
  createTender: t.field({
    ...officers,
    type: TenderPayload,
    description: 'An officer describes a need; `tender { matches }` ranks the suppliers.',
    args: { input: t.arg({ type: TenderInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const parsed = parseInput(tenderInputSchema(await loadReference(context.db)), input);
      if (!parsed.ok) return failed(parsed.errors);
      return outcome(await createTender(context.db, signedInViewer(context), parsed.data));
    },
  }),
  updateTender: t.field({
    ...officers,
    type: TenderPayload,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: TenderInput, required: true }) },
    resolve: async (_root, { id, input }, context) => {
      const parsed = parseInput(tenderInputSchema(await loadReference(context.db)), input);
      if (!parsed.ok) return failed(parsed.errors);
      return outcome(await updateTender(context.db, signedInViewer(context), String(id), parsed.data));
    },
  }),
  inviteSuppliers: t.field({
    ...officers,
    type: TenderPayload,
    description: 'Invites suppliers to bid, by mail through the outbox; all of them or none.',
    args: {
      tenderId: t.arg.id({ required: true }),
      companyIds: t.arg.idList({ required: true }),
      message: t.arg.string(),
    },
    resolve: async (_root, { tenderId, companyIds, message }, context) => {
      const parsed = parseInput(InvitationInputSchema, { companyIds: companyIds.map(String), message }, '');
      if (!parsed.ok) return failed(parsed.errors);
      const result = await inviteSuppliers(
        context.db,
        signedInViewer(context),
        String(tenderId),
        parsed.data,
      );
      return result.ok ? outcome(result) : refusal(context, result);
    },
  }),
  recordInvitationResponse: t.field({
    ...officers,
    type: TenderPayload,
    description: "Records a supplier's answer to an invitation.",
    args: {
      invitationId: t.arg.id({ required: true }),
      response: t.arg({ type: InvitationResponseEnum, required: true }),
      note: t.arg.string(),
    },
    resolve: async (_root, { invitationId, response, note }, context) => {
      const parsed = parseInput(ResponseNoteSchema, note, 'note');
      if (!parsed.ok) return failed(parsed.errors);
      return outcome(
        await recordInvitationResponse(
          context.db,
          signedInViewer(context),
          String(invitationId),
          response,
          parsed.data,
        ),
      );
    },
  }),
}));
