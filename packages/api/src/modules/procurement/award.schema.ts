import { builder } from '../../builder.ts';
import { appError, type UserError } from '../../errors.ts';
import { connectionComplexity } from '../../limits/limits.ts';
import { checkIntRange, YEAR_RANGE } from '../common/int-range.ts';
import { failed, mutationPayload, outcome, refused, signedInViewer } from '../common/payload.schema.ts';
import { UserErrorRef } from '../common/user-error.schema.ts';
import { parseInput } from '../common/validation.ts';
import { LocaleEnum } from '../i18n/locale.schema.ts';
import { loadReference } from '../reference/reference-cache.ts';
import { awardInputSchema, ProcurementMethod, ProcurementMethodSchema } from './award.input.ts';
import {
  type Breakdown,
  breakdownLabel,
  deleteAward,
  procurementIndicators,
  recordAward,
  share,
  updateAward,
  type YearIndicators,
} from './award.service.ts';

const METHOD_DESCRIPTIONS: Record<keyof typeof ProcurementMethod, string> = {
  OPEN: 'Open procedure: anyone may bid.',
  SELECTIVE: 'Restricted: only those invited after a selection.',
  LIMITED: 'Negotiated without publicity.',
  DIRECT: 'Direct award (contracte menor).',
};

const ProcurementMethodEnum = builder.enumType('ProcurementMethod', {
  description: 'How the supplier was chosen (the OCDS method codelist).',
  values: Object.fromEntries(
    Object.entries(ProcurementMethod).map(([name, value]) => [
      name,
      { value, description: METHOD_DESCRIPTIONS[name as keyof typeof ProcurementMethod] },
    ]),
  ) as {
    [K in keyof typeof ProcurementMethod]: { value: (typeof ProcurementMethod)[K]; description: string };
  },
});

builder.prismaObject('ContractAward', {
  description: 'An awarded public contract: public, like the OCDS export it feeds.',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    reference: t.exposeString('reference'),
    buyerName: t.exposeString('buyerName'),
    supplier: t.relation('supplier', {
      nullable: true,
      description: 'The directory company, when it is one.',
    }),
    supplierName: t.exposeString('supplierName'),
    supplierTaxId: t.exposeString('supplierTaxId'),
    supplierIsEss: t.exposeBoolean('supplierIsEss', {
      description: 'The supplier was a social and solidarity economy company of the directory when awarded.',
    }),
    amount: t.float({
      description: 'Without VAT, in euros.',
      select: { amount: true },
      resolve: (award) => Number(award.amount),
    }),
    cpvCode: t.exposeString('cpvCode'),
    awardedOn: t.expose('awardedOn', { type: 'Date' }),
    reserved: t.exposeBoolean('reserved'),
    socialClauses: t.exposeStringList('socialClauses'),
    district: t.exposeString('districtCode', { nullable: true }),
    procurementMethod: t.field({
      type: ProcurementMethodEnum,
      select: { procurementMethod: true },
      resolve: (award) => ProcurementMethodSchema.parse(award.procurementMethod),
    }),
  }),
});

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** A share (0..1) of a row's total amount: null when nothing was awarded. */
const shareField = <Row extends Breakdown>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, Row>,
  part: (row: Row) => number,
) => t.float({ nullable: true, description: '0..1', resolve: (row) => share(part(row), row.totalAmount) });

/** The figures a year's indicators and each of its breakdown rows both give. */
const awardFigureFields = <Row extends Breakdown>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, Row>) => ({
  awardCount: t.int({ resolve: (row) => row.awardCount }),
  totalAmount: t.float({ resolve: (row) => row.totalAmount }),
  essAmount: t.float({ resolve: (row) => row.essAmount }),
  essShare: shareField(t, (row) => row.essAmount),
  reservedAmount: t.float({ resolve: (row) => row.reservedAmount }),
  reservedShare: shareField(t, (row) => row.reservedAmount),
});

const BreakdownRef = builder
  .objectRef<Breakdown & { kind: 'district' | 'sector' }>('ProcurementBreakdown')
  .implement({
    fields: (t) => ({
      code: t.exposeString('code', {
        description: 'A district code ("" when not one district) or a CPV division.',
      }),
      label: t.string({
        args: { locale: t.arg({ type: LocaleEnum }) },
        resolve: async (row, { locale }, { db }) =>
          breakdownLabel(row.kind, row.code, locale ?? 'CA', await loadReference(db)),
      }),
      ...awardFigureFields(t),
    }),
  });

const IndicatorsRef = builder.objectRef<YearIndicators>('ProcurementIndicators').implement({
  description: 'What a year of awarded contracts gave the social economy. Amounts in euros without VAT.',
  fields: (t) => ({
    year: t.exposeInt('year'),
    ...awardFigureFields(t),
    socialClauseAmount: t.exposeFloat('socialClauseAmount', {
      description: 'Awarded in contracts with social clauses.',
    }),
    socialClauseShare: shareField(t, (row) => row.socialClauseAmount),
    byDistrict: t.field({
      type: [BreakdownRef],
      resolve: (row) => row.byDistrict.map((item) => ({ ...item, kind: 'district' as const })),
    }),
    bySector: t.field({
      type: [BreakdownRef],
      description: 'By CPV division, largest first.',
      resolve: (row) => row.bySector.map((item) => ({ ...item, kind: 'sector' as const })),
    }),
  }),
});

const AwardInput = builder.inputType('ContractAwardInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    reference: t.string({ required: true, description: "The file number (número d'expedient)." }),
    buyerName: t.string({ description: 'Ajuntament de Barcelona unless said.' }),
    supplierCompanyId: t.id({ description: 'The supplier, when it is a company of the directory.' }),
    supplierName: t.string({ description: 'Otherwise its name…' }),
    supplierTaxId: t.string({ description: '…and its CIF/NIF.' }),
    amount: t.float({ required: true, description: 'Without VAT, in euros.' }),
    cpvCode: t.string({ required: true, description: 'The main CPV code, with its check digit.' }),
    awardedOn: t.field({ type: 'Date', required: true }),
    reserved: t.boolean({ description: 'Reserved under Llei 9/2017, DA 4a.' }),
    socialClauses: t.stringList({ description: 'Social clause codes the contract includes.' }),
    district: t.string({ description: 'Where it is carried out, when that is one district.' }),
    procurementMethod: t.field({ type: ProcurementMethodEnum, required: true }),
  }),
});

const YEARS = { first: 2000, span: 30 };

builder.queryFields((t) => ({
  contractAwards: t.prismaConnection({
    type: 'ContractAward',
    cursor: 'id',
    complexity: connectionComplexity,
    description: 'Awarded contracts, newest first (public).',
    args: { year: t.arg.int() },
    totalCount: (_parent, { year }, { db }) => db.contractAward.count({ where: inYear(year) }),
    resolve: (query, _root, { year }, { db }) =>
      db.contractAward.findMany({
        ...query,
        where: inYear(year),
        orderBy: [{ awardedOn: 'desc' }, { id: 'asc' }],
      }),
  }),
  procurementIndicators: t.field({
    type: [IndicatorsRef],
    description: 'Per year with awards, from `from` to `to` (default: the last ten years).',
    args: { from: t.arg.int(), to: t.arg.int() },
    resolve: (_root, { from, to }, { db }) => {
      checkIntRange(from, 'from', YEAR_RANGE.min, YEAR_RANGE.max);
      checkIntRange(to, 'to', YEAR_RANGE.min, YEAR_RANGE.max);
      const last = to ?? new Date().getUTCFullYear();
      const first = from ?? last - 9;
      if (first > last || first < YEARS.first || last - first >= YEARS.span) {
        throw appError('YEAR_SPAN_INVALID', 'from', { first: YEARS.first, span: YEARS.span });
      }
      return procurementIndicators(db, first, last);
    },
  }),
}));

function inYear(year: number | null | undefined) {
  if (year === null || year === undefined) return {};
  checkIntRange(year, 'year', YEAR_RANGE.min, YEAR_RANGE.max);
  return { awardedOn: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } };
}

const AwardPayload = mutationPayload('ContractAwardPayload', 'award', 'ContractAward', (db, query, id) =>
  db.contractAward.findUnique({ ...query, where: { id } }),
);

const DeleteAwardPayload = builder
  .objectRef<{ id: string | null; userErrors: UserError[] }>('DeleteContractAwardPayload')
  .implement({
    fields: (t) => ({
      deletedId: t.id({ nullable: true, resolve: (payload) => payload.id }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.userErrors }),
    }),
  });

const officers = { authScopes: { procurement: true }, unauthorizedResolver: refused } as const;

builder.mutationFields((t) => ({
  recordContractAward: t.field({
    ...officers,
    type: AwardPayload,
    description: 'Officers and staff record an awarded contract.',
    args: { input: t.arg({ type: AwardInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const schema = awardInputSchema(await loadReference(context.db), new Date());
      const parsed = parseInput(schema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return outcome(await recordAward(context.db, signedInViewer(context), parsed.data));
    },
  }),
  updateContractAward: t.field({
    ...officers,
    type: AwardPayload,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: AwardInput, required: true }) },
    resolve: async (_root, { id, input }, context) => {
      const schema = awardInputSchema(await loadReference(context.db), new Date());
      const parsed = parseInput(schema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return outcome(await updateAward(context.db, signedInViewer(context), String(id), parsed.data));
    },
  }),
  deleteContractAward: t.field({
    ...officers,
    type: DeleteAwardPayload,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, context) => {
      return outcome(await deleteAward(context.db, signedInViewer(context), String(id)));
    },
  }),
}));
