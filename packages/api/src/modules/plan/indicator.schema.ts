import { Prisma } from '@proximitat/db';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { ErrorCode, type UserError } from '../../errors.ts';
import { notAllowed, UserErrorRef, userError } from '../common/user-error.schema.ts';
import { zodErrors } from '../common/validation.ts';
import { LocaleEnum, localized } from '../i18n/locale.schema.ts';

/** A year ("2018") or one of its semesters ("2018-S1", "2018-S2"). */
export const PERIOD = /^(\d{4})(-S[12])?$/;

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

const IndicatorShape = z.object({
  year: z.number().int().min(2000).max(2100),
  code: z
    .string()
    .trim()
    .min(1, 'required')
    .max(40, 'at most 40 characters')
    .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "_" and "-" only'),
  name: z.string().trim().min(1, 'required').max(300, 'at most 300 characters'),
  nameEs: z.string().trim().max(300).nullish(),
  nameEn: z.string().trim().max(300).nullish(),
  unit: z.string().trim().min(1, 'required').max(40, 'at most 40 characters'),
  districtCode: z
    .string()
    .regex(/^\d{2}$/, 'a district code "01".."10"')
    .nullish(),
  measureCode: z
    .string()
    .regex(/^\d+\.\d+\.[A-Z]$/, 'a measure code such as "2.6.A"')
    .nullish(),
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

const IndicatorValueShape = z.object({
  period: z.string().regex(PERIOD, 'a year ("2018") or a semester ("2018-S1")'),
  value: z.number().finite().min(-1e12).max(1e12),
  note: z.string().max(1000, 'at most 1000 characters').nullish(),
});

const IndicatorPayload = builder
  .objectRef<{ indicatorId: string | null; userErrors: UserError[] }>('IndicatorPayload')
  .implement({
    fields: (t) => ({
      indicator: t.prismaField({
        type: 'Indicator',
        nullable: true,
        resolve: (query, payload, _args, { db }) =>
          payload.indicatorId
            ? db.indicator.findUnique({ ...query, where: { id: payload.indicatorId } })
            : null,
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.userErrors }),
    }),
  });

const failed = (errors: UserError[]) => ({ indicatorId: null, userErrors: errors });

builder.mutationFields((t) => ({
  upsertIndicator: t.field({
    type: IndicatorPayload,
    description: 'Staff only: creates an indicator of a plan, or updates the one with the same code.',
    args: { input: t.arg({ type: IndicatorInput, required: true }) },
    authScopes: { staff: true },
    unauthorizedResolver: (_root, _args, context) => failed([notAllowed(context)]),
    resolve: async (_root, { input }, { db }) => {
      const parsed = IndicatorShape.safeParse(input);
      if (!parsed.success) return failed(zodErrors(parsed.error));
      const data = parsed.data;
      const plan = await db.workPlan.findUnique({ where: { year: data.year }, select: { id: true } });
      if (!plan)
        return failed([userError(ErrorCode.NOT_FOUND, `There is no ${data.year} plan`, 'input.year')]);
      let measureId: string | null = null;
      if (data.measureCode) {
        const measure = await db.measure.findFirst({
          where: { code: data.measureCode, objective: { axis: { planId: plan.id } } },
          select: { id: true },
        });
        if (!measure) {
          return failed([
            userError(
              ErrorCode.NOT_FOUND,
              `The plan has no measure ${data.measureCode}`,
              'input.measureCode',
            ),
          ]);
        }
        measureId = measure.id;
      }
      if (data.districtCode && !(await db.district.findUnique({ where: { code: data.districtCode } }))) {
        return failed([
          userError(ErrorCode.NOT_FOUND, `There is no district ${data.districtCode}`, 'input.districtCode'),
        ]);
      }
      const fields = {
        nameCa: data.name,
        nameEs: data.nameEs ?? null,
        nameEn: data.nameEn ?? null,
        unit: data.unit,
        districtCode: data.districtCode ?? null,
        measureId,
      };
      const indicator = await db.indicator.upsert({
        where: { planId_code: { planId: plan.id, code: data.code } },
        create: { planId: plan.id, code: data.code, ...fields },
        update: fields,
      });
      return { indicatorId: indicator.id, userErrors: [] };
    },
  }),
  setIndicatorValue: t.field({
    type: IndicatorPayload,
    description: "Staff only: an indicator's value for a period (a year or a semester).",
    args: { input: t.arg({ type: IndicatorValueInput, required: true }) },
    authScopes: { staff: true },
    unauthorizedResolver: (_root, _args, context) => failed([notAllowed(context)]),
    resolve: async (_root, { input }, { db, viewer }) => {
      const parsed = IndicatorValueShape.safeParse(input);
      if (!parsed.success) return failed(zodErrors(parsed.error));
      const indicator = await db.indicator.findFirst({
        where: { code: input.code, plan: { year: input.year } },
        select: { id: true },
      });
      if (!indicator) {
        return failed([
          userError(
            ErrorCode.NOT_FOUND,
            `The ${input.year} plan has no indicator ${input.code}`,
            'input.code',
          ),
        ]);
      }
      const data = {
        value: new Prisma.Decimal(parsed.data.value),
        note: parsed.data.note ?? null,
        updatedById: viewer?.id ?? null,
      };
      await db.indicatorValue.upsert({
        where: { indicatorId_period: { indicatorId: indicator.id, period: parsed.data.period } },
        create: { indicatorId: indicator.id, period: parsed.data.period, ...data },
        update: data,
      });
      return { indicatorId: indicator.id, userErrors: [] };
    },
  }),
}));
