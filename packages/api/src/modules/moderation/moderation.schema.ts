import { RevisionKind, RevisionStatus } from '@proximitat/db';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import {
  failed,
  type MutationPayload,
  mutationPayload,
  outcome,
  queueActor,
  refusal,
  refused,
  signedInViewer,
} from '../common/payload.schema.ts';
import { UserErrorRef } from '../common/user-error.schema.ts';
import { parseInput } from '../common/validation.ts';
import { visibleCompanies } from '../directory/company.service.ts';
import { CompanyDraftSchema } from '../directory/company-profile.ts';
import { canEdit, isStaff } from '../directory/membership.ts';
import { LocaleEnum } from '../i18n/locale.schema.ts';
import './editor-invitation.schema.ts';
import { removeEditor } from './editors.service.ts';
import {
  claimCompany,
  createCompanyProfile,
  reviewRevision,
  updateCompanyProfile,
} from './moderation.service.ts';
import { ClaimSchema, ReviewSchema } from './moderation-input.ts';
import { type FieldChange, storedChanges } from './revision-stored.ts';

const RevisionKindEnum = builder.enumType(RevisionKind, { name: 'RevisionKind' });
const RevisionStatusEnum = builder.enumType(RevisionStatus, { name: 'RevisionStatus' });
const ReviewDecisionEnum = builder.enumType('ReviewDecision', {
  values: ['APPROVE', 'REJECT'] as const,
});

/** The arguments of a staff review (of a revision, of an ESG assessment): what, the decision, why. */
export const reviewArgs = builder.args((t) => ({
  id: t.id({ required: true }),
  decision: t.field({ type: ReviewDecisionEnum, required: true }),
  reason: t.string(),
}));

const LocalizedTextInput = builder.inputType('LocalizedTextInput', {
  fields: (t) => ({
    locale: t.field({ type: LocaleEnum, required: true }),
    text: t.string({ required: true }),
  }),
});

const AddressInput = builder.inputType('AddressInput', {
  description:
    'Inside Barcelona, districtCode and neighbourhoodCode are derived from the location when they are missing, and a location from the neighbourhood when only that is given; they must agree when all are given. Outside Barcelona they stay empty.',
  fields: (t) => ({
    street: t.string({ required: true }),
    postalCode: t.string({ required: true }),
    city: t.string({ required: true }),
    districtCode: t.string(),
    neighbourhoodCode: t.string(),
    lat: t.float(),
    lng: t.float(),
  }),
});

export const CompanyProfileInput = builder.inputType('CompanyProfileInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    legalName: t.string(),
    taxId: t.string({ required: true, description: 'Spanish CIF/NIF, validated with its check character.' }),
    legalForm: t.string({ required: true, description: 'A legal-forms.csv code.' }),
    sectors: t.stringList({ required: true, description: 'At least one sectors.csv code.' }),
    cpvCodes: t.stringList({ description: '"45210000-2"; the check digit is validated.' }),
    address: t.field({ type: AddressInput }),
    website: t.string(),
    email: t.string(),
    phone: t.string(),
    employees: t.int(),
    foundedYear: t.int(),
    descriptions: t.field({ type: [LocalizedTextInput] }),
    certifications: t.stringList({ description: 'certifications.csv codes.' }),
    socialClauses: t.stringList({
      description:
        'The social clauses (codes of `socialClauses`) the company declares it can fulfil in a contract.',
    }),
    insertionCompany: t.boolean({ description: "Registered empresa d'inserció." }),
    specialEmploymentCentre: t.boolean({ description: "Centre especial de treball d'iniciativa social." }),
  }),
});

const FieldChangeRef = builder.objectRef<FieldChange>('FieldChange').implement({
  description: 'One field of a revision: before and after, as text.',
  fields: (t) => ({
    field: t.exposeString('field'),
    before: t.exposeString('before', { nullable: true }),
    after: t.exposeString('after', { nullable: true }),
  }),
});

builder.prismaObject('CompanyRevision', {
  description: "A proposed change to a company's profile: visible to staff and to the company's editors.",
  authScopes: async (revision, context) =>
    (await canEdit(context, revision.companyId)) ||
    (context.viewer !== null && revision.submittedById === context.viewer.id),
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: RevisionKindEnum }),
    status: t.expose('status', { type: RevisionStatusEnum }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime' }),
    reviewedAt: t.expose('reviewedAt', { type: 'DateTime', nullable: true }),
    reason: t.exposeString('reason', { nullable: true, description: 'Why staff rejected it.' }),
    message: t.exposeString('message', { nullable: true }),
    company: t.prismaField({
      type: 'Company',
      nullable: true,
      description:
        'The company, when the viewer may see it: a claim on a profile under review does not show that profile to the claimant.',
      select: { companyId: true },
      resolve: (query, revision, _args, context) =>
        context.db.company.findFirst({
          ...query,
          where: { id: revision.companyId, ...visibleCompanies(context) },
        }),
    }),
    changes: t.field({
      type: [FieldChangeRef],
      resolve: (revision) => storedChanges(revision.changes),
    }),
  }),
});

const CreateCompanyProfilePayload = builder
  .objectRef<MutationPayload & { claimId?: string | null }>('CreateCompanyProfilePayload')
  .implement({
    fields: (t) => ({
      company: t.prismaField({
        type: 'Company',
        nullable: true,
        resolve: (query, payload, _args, { db }) =>
          payload.id ? db.company.findUnique({ ...query, where: { id: payload.id } }) : null,
      }),
      claim: t.prismaField({
        type: 'CompanyRevision',
        nullable: true,
        description:
          'When the tax ID belongs to a profile of other accounts still under review or rejected: the proposal went to staff as this CLAIM (and company is null). Staff decide whose company it is.',
        resolve: (query, payload, _args, { db }) =>
          payload.claimId
            ? db.companyRevision.findUnique({ ...query, where: { id: payload.claimId } })
            : null,
      }),
      retryAfterSeconds: t.int({
        nullable: true,
        description:
          'When submissions are rate limited (code RATE_LIMITED): seconds until one may be sent again.',
        resolve: (payload) => payload.retryAfterSeconds ?? null,
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.userErrors }),
    }),
  });

const RevisionPayload = mutationPayload(
  'RevisionPayload',
  'revision',
  'CompanyRevision',
  (db, query, id) => db.companyRevision.findUnique({ ...query, where: { id } }),
  { rateLimited: true },
);

builder.queryField('moderationQueue', (t) =>
  t.prismaConnection({
    type: 'CompanyRevision',
    cursor: 'id',
    authScopes: { staff: true },
    description: 'Staff only: pending profile creations, revisions and claims, oldest first.',
    totalCount: (_parent, _args, { db }) => db.companyRevision.count({ where: { status: 'PENDING' } }),
    resolve: (query, _root, _args, { db }) =>
      db.companyRevision.findMany({
        ...query,
        where: { status: 'PENDING' },
        orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
      }),
  }),
);

builder.mutationFields((t) => ({
  updateCompanyProfile: t.field({
    type: RevisionPayload,
    description:
      'An editor of the company proposes changes: a revision awaiting review. The public profile and the search index change only when staff approve it.',
    args: {
      companyId: t.arg.id({ required: true }),
      input: t.arg({ type: CompanyProfileInput, required: true }),
    },
    authScopes: { signedIn: true },
    unauthorizedResolver: refused,
    resolve: async (_root, { companyId, input }, context) => {
      const draft = parseInput(CompanyDraftSchema, input, 'input');
      if (!draft.ok) return failed(draft.errors);
      const result = await updateCompanyProfile(
        context.db,
        queueActor(context),
        String(companyId),
        draft.data,
      );
      return result.ok ? outcome(result) : refusal(context, result);
    },
  }),
  claimCompany: t.field({
    type: RevisionPayload,
    description:
      'A signed-in account asks to become an editor of a company that has none yet, or of one still under review (a CLAIM revision; staff decide).',
    args: {
      companyId: t.arg.id({ required: true }),
      message: t.arg.string({ required: true }),
    },
    authScopes: { signedIn: true },
    unauthorizedResolver: refused,
    resolve: async (_root, { companyId, message }, context) => {
      const claim = parseInput(ClaimSchema, { companyId: String(companyId), message }, '');
      if (!claim.ok) return failed(claim.errors);
      const result = await claimCompany(context.db, queueActor(context), claim.data);
      return result.ok ? outcome(result) : refusal(context, result);
    },
  }),
  createCompanyProfile: t.field({
    type: CreateCompanyProfilePayload,
    description:
      'A signed-in account proposes a new company profile; it is not public until staff approve it. The account becomes its editor. A tax ID held by a profile of other accounts under review or rejected makes the proposal a CLAIM for staff (`claim`).',
    args: { input: t.arg({ type: CompanyProfileInput, required: true }) },
    authScopes: { signedIn: true },
    unauthorizedResolver: refused,
    resolve: async (_root, { input }, context) => {
      const draft = parseInput(CompanyDraftSchema, input, 'input');
      if (!draft.ok) return failed(draft.errors);
      const result = await createCompanyProfile(context.db, queueActor(context), draft.data);
      if (!result.ok) return refusal(context, result);
      return { id: result.companyId, claimId: result.claimId, userErrors: [] };
    },
  }),
  reviewRevision: t.field({
    type: RevisionPayload,
    description:
      'Staff only: approve or reject a creation, revision or claim; a rejection carries a reason the editors can read.',
    args: reviewArgs,
    authScopes: { staff: true },
    unauthorizedResolver: refused,
    resolve: async (_root, { id, decision, reason }, context) => {
      const review = parseInput(ReviewSchema, { id: String(id), decision, reason }, '');
      if (!review.ok) return failed(review.errors);
      return outcome(await reviewRevision(context.db, signedInViewer(context).id, review.data));
    },
  }),
}));

const EditorsPayload = mutationPayload('CompanyEditorsPayload', 'company', 'Company', (db, query, id) =>
  db.company.findUnique({ ...query, where: { id } }),
);

const actorOf = (context: Context) => ({ id: signedInViewer(context).id, staff: isStaff(context) });

builder.mutationFields((t) => ({
  removeCompanyEditor: t.field({
    type: EditorsPayload,
    description:
      'An editor (or staff) removes an editor; a company keeps at least one unless staff remove it.',
    args: { companyId: t.arg.id({ required: true }), accountId: t.arg.id({ required: true }) },
    authScopes: { signedIn: true },
    unauthorizedResolver: refused,
    resolve: async (_root, { companyId, accountId }, context) =>
      outcome(await removeEditor(context.db, actorOf(context), String(companyId), String(accountId))),
  }),
}));
