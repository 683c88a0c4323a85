import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { appError } from '../../errors.ts';
import {
  changed,
  failed,
  type MutationPayload,
  mutationPayload,
  nullUnlessSignedIn,
  outcome,
  refusal,
  refused,
  signedInViewer,
} from '../common/payload.schema.ts';
import { UserErrorRef } from '../common/user-error.schema.ts';
import { parseInput } from '../common/validation.ts';
import { NoteSchema, ShareEmailSchema, ShortlistInputSchema } from './shortlist.input.ts';
import {
  addToShortlist,
  createShortlist,
  deleteShortlist,
  removeFromShortlist,
  ShortlistAccess,
  seesShares,
  setShortlistNote,
  shareShortlist,
  shortlistAccess,
  shortlistIncludes,
  snapshotShortlist,
  unshareShortlist,
  updateShortlist,
  visibleShortlists,
} from './shortlist.service.ts';

const AccessEnum = builder.enumType(ShortlistAccess, {
  name: 'ShortlistAccess',
  description: 'OWNER changes the list; READER (a colleague it is shared with, or staff) reads it.',
});

const exportUrl = (context: Context, path: string) => `${context.publicUrl}/exports/shortlists/${path}.csv`;

/** A person with access to a shortlist. */
const ShortlistMemberRef = builder.prismaObject('Account', {
  variant: 'ShortlistMember',
  description: 'The owner of a shortlist or a colleague it is shared with.',
  fields: (t) => ({
    accountId: t.exposeID('id'),
    email: t.exposeString('email'),
    name: t.exposeString('name', { nullable: true }),
  }),
});

const ShortlistShareRef = builder.objectRef<{ email: string; createdAt: Date }>('ShortlistShare').implement({
  description:
    'An address a shortlist is shared with: the account with it reads the list while it is an officer or staff.',
  fields: (t) => ({
    email: t.exposeString('email'),
    sharedAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('Shortlist', {
  description:
    'Suppliers kept for a tender: visible to its owner, to the colleagues it is shared with (read-only) and to staff.',
  authScopes: async (shortlist, context) =>
    (await shortlistAccess(context.db, shortlist.id, context.viewer)) !== null,
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    tenderReference: t.exposeString('tenderReference', { nullable: true }),
    description: t.exposeString('description', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    owner: t.relation('owner', { type: ShortlistMemberRef }),
    viewerAccess: t.field({
      type: AccessEnum,
      select: { ownerId: true },
      resolve: (shortlist, _args, context) =>
        shortlist.ownerId === context.viewer?.id ? ShortlistAccess.OWNER : ShortlistAccess.READER,
    }),
    csvUrl: t.string({
      description:
        'Downloads the list as CSV (UTF-8 with BOM, `;`; add `?separador=coma` for `,`) with the same authentication as the API.',
      resolve: (shortlist, _args, context) => exportUrl(context, shortlist.id),
    }),
    entries: t.relatedConnection('entries', {
      cursor: 'shortlistId_companyId',
      description: 'In the order they were added.',
      query: { orderBy: [{ addedAt: 'asc' }, { companyId: 'asc' }] },
      totalCount: true,
    }),
    includes: t.idList({
      description: 'Which of these companies are on the list (at most 100 asked at once).',
      args: { companyIds: t.arg.idList({ required: true }) },
      resolve: (shortlist, { companyIds }, { db }) => {
        if (companyIds.length > 100) {
          throw appError('TOO_MANY_VALUES', 'companyIds', { max: 100 });
        }
        return shortlistIncludes(db, shortlist.id, companyIds.map(String));
      },
    }),
    sharedWith: t.field({
      type: [ShortlistShareRef],
      description:
        'The addresses the list is shared with, for its owner and staff (whether an account has them is not told).',
      select: {
        ownerId: true,
        shares: { select: { email: true, createdAt: true }, orderBy: { createdAt: 'asc' } },
      },
      resolve: (shortlist, _args, context) =>
        seesShares(shortlist.ownerId, context.viewer) ? shortlist.shares : [],
    }),
    snapshots: t.relation('snapshots', {
      description: 'Dated, frozen copies for the contract file, newest first.',
      query: { orderBy: { takenAt: 'desc' } },
    }),
  }),
});

builder.prismaObject('ShortlistEntry', {
  fields: (t) => ({
    note: t.exposeString('note', { nullable: true }),
    addedAt: t.expose('addedAt', { type: 'DateTime' }),
    company: t.relation('company'),
  }),
});

builder.prismaObject('ShortlistSnapshot', {
  description: 'The list as it stood at `takenAt`, frozen: its CSV never changes.',
  fields: (t) => ({
    id: t.exposeID('id'),
    takenAt: t.expose('takenAt', { type: 'DateTime' }),
    entryCount: t.exposeInt('entryCount'),
    takenBy: t.relation('takenBy', { type: ShortlistMemberRef }),
    csvUrl: t.string({
      select: { shortlistId: true },
      resolve: (snapshot, _args, context) =>
        exportUrl(context, `${snapshot.shortlistId}/snapshots/${snapshot.id}`),
    }),
  }),
});

const ShortlistInput = builder.inputType('ShortlistInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    tenderReference: t.string({ description: "The tender's file number (número d'expedient)." }),
    description: t.string(),
  }),
});

builder.queryFields((t) => ({
  shortlist: t.prismaField({
    type: 'Shortlist',
    nullable: true,
    description:
      'A shortlist its owner, a colleague it is shared with, or staff can see, while they hold a procurement role; null otherwise.',
    args: { id: t.arg.id({ required: true }) },
    authScopes: { procurement: true },
    unauthorizedResolver: nullUnlessSignedIn,
    resolve: async (query, _root, { id }, context) =>
      (await shortlistAccess(context.db, String(id), context.viewer)) === null
        ? null
        : context.db.shortlist.findUnique({ ...query, where: { id: String(id) } }),
  }),
  myShortlists: t.prismaConnection({
    type: 'Shortlist',
    cursor: 'id',
    description: "The viewer's shortlists and those shared with them, most recently changed first.",
    authScopes: { procurement: true },
    totalCount: (_parent, _args, context) =>
      context.db.shortlist.count({ where: visibleShortlists(context.viewer) }),
    resolve: (query, _root, _args, context) =>
      context.db.shortlist.findMany({
        ...query,
        where: visibleShortlists(context.viewer),
        orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      }),
  }),
}));

const ShortlistPayload = mutationPayload(
  'ShortlistPayload',
  'shortlist',
  'Shortlist',
  (db, query, id) => db.shortlist.findUnique({ ...query, where: { id } }),
  { rateLimited: true },
);
const SnapshotPayload = mutationPayload(
  'ShortlistSnapshotPayload',
  'snapshot',
  'ShortlistSnapshot',
  (db, query, id) => db.shortlistSnapshot.findUnique({ ...query, where: { id } }),
);

const DeletePayload = builder.objectRef<MutationPayload>('DeleteShortlistPayload').implement({
  fields: (t) => ({
    deletedId: t.id({ nullable: true, resolve: (payload) => payload.id }),
    userErrors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.userErrors }),
  }),
});

const officers = { authScopes: { procurement: true }, unauthorizedResolver: refused } as const;

/** A change to a company's entry on a list that carries a note: the note is checked first. */
async function changeWithNote(
  change: typeof addToShortlist | typeof setShortlistNote,
  {
    shortlistId,
    companyId,
    note,
  }: { shortlistId: string | number; companyId: string | number; note?: string | null },
  context: Context,
) {
  const parsed = parseInput(NoteSchema, note, 'note');
  if (!parsed.ok) return failed(parsed.errors);
  return outcome(
    await change(context.db, signedInViewer(context), String(shortlistId), String(companyId), parsed.data),
  );
}

builder.mutationFields((t) => {
  /** The arguments naming a company's entry on a list. */
  const entryArgs = { shortlistId: t.arg.id({ required: true }), companyId: t.arg.id({ required: true }) };
  return {
    createShortlist: t.field({
      ...officers,
      type: ShortlistPayload,
      description: 'A procurement officer starts a shortlist for a tender.',
      args: { input: t.arg({ type: ShortlistInput, required: true }) },
      resolve: async (_root, { input }, context) => {
        const parsed = parseInput(ShortlistInputSchema, input);
        if (!parsed.ok) return failed(parsed.errors);
        return outcome(await createShortlist(context.db, signedInViewer(context), parsed.data));
      },
    }),
    updateShortlist: t.field({
      ...officers,
      type: ShortlistPayload,
      args: { id: t.arg.id({ required: true }), input: t.arg({ type: ShortlistInput, required: true }) },
      resolve: async (_root, { id, input }, context) => {
        const parsed = parseInput(ShortlistInputSchema, input);
        if (!parsed.ok) return failed(parsed.errors);
        return outcome(await updateShortlist(context.db, signedInViewer(context), String(id), parsed.data));
      },
    }),
    deleteShortlist: t.field({
      ...officers,
      type: DeletePayload,
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, { id }, context) => {
        return outcome(await deleteShortlist(context.db, signedInViewer(context), String(id)));
      },
    }),
    addToShortlist: t.field({
      ...officers,
      type: ShortlistPayload,
      description: 'Adds a published company (or changes its note when it is on the list already).',
      args: { ...entryArgs, note: t.arg.string() },
      resolve: (_root, args, context) => changeWithNote(addToShortlist, args, context),
    }),
    removeFromShortlist: t.field({
      ...officers,
      type: ShortlistPayload,
      args: entryArgs,
      resolve: async (_root, { shortlistId, companyId }, context) => {
        return outcome(
          await removeFromShortlist(
            context.db,
            signedInViewer(context),
            String(shortlistId),
            String(companyId),
          ),
        );
      },
    }),
    setShortlistNote: t.field({
      ...officers,
      type: ShortlistPayload,
      description: "Changes (or, with no note, clears) the officer's note on a company of the list.",
      args: { ...entryArgs, note: t.arg.string() },
      resolve: (_root, args, context) => changeWithNote(setShortlistNote, args, context),
    }),
    shareShortlist: t.field({
      ...officers,
      type: ShortlistPayload,
      description:
        'Lets a colleague (a procurement officer or staff, by email) read the list. The answer is the same whether or not the address has such an account.',
      args: { shortlistId: t.arg.id({ required: true }), email: t.arg.string({ required: true }) },
      resolve: async (_root, { shortlistId, email }, context) => {
        const parsed = parseInput(ShareEmailSchema, email, 'email');
        if (!parsed.ok) return failed(parsed.errors);
        const viewer = signedInViewer(context);
        const result = await shareShortlist(context.db, viewer, String(shortlistId), parsed.data);
        return result.ok ? outcome(result) : refusal(context, result);
      },
    }),
    unshareShortlist: t.field({
      ...officers,
      type: ShortlistPayload,
      description: 'The owner stops sharing the list with an address.',
      args: { shortlistId: t.arg.id({ required: true }), email: t.arg.string({ required: true }) },
      resolve: async (_root, { shortlistId, email }, context) => {
        return outcome(
          await unshareShortlist(context.db, signedInViewer(context), String(shortlistId), email),
        );
      },
    }),
    snapshotShortlist: t.field({
      ...officers,
      type: SnapshotPayload,
      description: 'Freezes the list as it is now, dated, for the contract file.',
      args: { shortlistId: t.arg.id({ required: true }) },
      resolve: async (_root, { shortlistId }, context) => {
        const result = await snapshotShortlist(
          context.db,
          signedInViewer(context),
          String(shortlistId),
          context.publicUrl,
        );
        return result.ok ? changed(result.snapshotId) : failed(result.errors);
      },
    }),
  };
});
