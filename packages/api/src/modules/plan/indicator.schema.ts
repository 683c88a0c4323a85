import { builder } from '../../builder.ts';
import { failed, mutationPayload, outcome, refused } from '../common/payload.schema.ts';
import { parseInput } from '../common/validation.ts';
import { LocaleEnum, localized } from '../i18n/locale.schema.ts';
import { setIndicatorValue, upsertIndicator } from './indicator.service.ts';
import { IndicatorSchema, IndicatorValueSchema } from './plan-input.ts';

export const IndicatorRef = builder.prismaObject('Indicator', {
  description: 'An accountability indicator of a plan, city-wide or for one district.',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.string({
      args: { locale: t.arg({ type: LocaleEnum }) },
      resolve: (i, { locale }) => localized({ ca: i.nameCa, es: i.nameEs, en: i.nameEn }, locale),
    }),
    unit: t.exposeString('unit'),
    district: t.relation('district', { nullable: true }),
    measure: t.relation('measure', { nullable: true }),
    values: t.relation('values', { query: { orderBy: { period: 'asc' } } }),
  }),
});

builder.prismaObject('IndicatorValue', {
  fields: (t) => ({
    period: t.exposeString('period', { description: 'A year ("2018") or a semester ("2018-S1").' }),
    value: t.float({ resolve: (value) => value.value.toNumber() }),
    note: t.exposeString('note', { nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  indicators: t.prismaField({
    type: ['Indicator'],
    description: "The indicators of a year's plan; with a district, those of that district.",
    args: { year: t.arg.int({ required: true }), districtCode: t.arg.string() },
    resolve: (query, _root, { year, districtCode }, { db }) =>
      db.indicator.findMany({
        ...query,
        where: { plan: { year }, ...(districtCode ? { districtCode } : {}) },
        orderBy: { code: 'asc' },
      }),
  }),
}));

const IndicatorInput = builder.inputType('IndicatorInput', {
  fields: (t) => ({
    year: t.int({ required: true }),
    code: t.string({ required: true }),
    name: t.string({ required: true, description: 'In Catalan.' }),
    nameEs: t.string(),
    nameEn: t.string(),
    unit: t.string({
      required: true,
      description: 'What the value counts: "persones", "projectes", "%", "€".',
    }),
    districtCode: t.string(),
    measureCode: t.string(),
  }),
});

const IndicatorValueInput = builder.inputType('IndicatorValueInput', {
  fields: (t) => ({
    year: t.int({ required: true }),
    code: t.string({ required: true }),
    period: t.string({ required: true, description: '"2018" or "2018-S1".' }),
    value: t.float({ required: true }),
    note: t.string(),
  }),
});

const IndicatorPayload = mutationPayload('IndicatorPayload', 'indicator', 'Indicator', (db, query, id) =>
  db.indicator.findUnique({ ...query, where: { id } }),
);

builder.mutationFields((t) => ({
  upsertIndicator: t.field({
    type: IndicatorPayload,
    description: 'Staff only: creates an indicator of a plan, or updates the one with the same code.',
    args: { input: t.arg({ type: IndicatorInput, required: true }) },
    authScopes: { staff: true },
    unauthorizedResolver: refused,
    resolve: async (_root, { input }, { db }) => {
      const parsed = parseInput(IndicatorSchema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return outcome(await upsertIndicator(db, parsed.data));
    },
  }),
  setIndicatorValue: t.field({
    type: IndicatorPayload,
    description: "Staff only: an indicator's value for a period (a year or a semester).",
    args: { input: t.arg({ type: IndicatorValueInput, required: true }) },
    authScopes: { staff: true },
    unauthorizedResolver: refused,
    resolve: async (_root, { input }, { db, viewer }) => {
      const parsed = parseInput(IndicatorValueSchema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return outcome(await setIndicatorValue(db, viewer?.id ?? null, parsed.data));
    },
  }),
}));
