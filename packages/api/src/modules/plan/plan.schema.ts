import { FigureKind, MeasureStatus } from '@proximitat/db';
import { builder } from '../../builder.ts';
import { failed, mutationPayload, outcome, refused, signedInViewer } from '../common/payload.schema.ts';
import { parseInput } from '../common/validation.ts';
import { LocaleEnum, localized } from '../i18n/locale.schema.ts';
import { DistrictRef } from '../reference/reference.schema.ts';
import { setMeasureStatus } from './measure-status.service.ts';
import { districtsOf } from './plan-districts.ts';
import { SetMeasureStatusSchema } from './plan-input.ts';
import { type Progress, progressOf } from './progress.ts';

export const MeasureStatusEnum = builder.enumType(MeasureStatus, {
  name: 'MeasureStatus',
  description: "A measure's execution status, as staff keep it up to date.",
});

const FigureKindEnum = builder.enumType(FigureKind, { name: 'FigureKind' });

export const ProgressRef = builder.objectRef<Progress>('Progress').implement({
  description: 'Execution of the measures below an item of the plan.',
  fields: (t) => ({
    executionRate: t.exposeFloat('executionRate', {
      description: 'Share (0..1) of the measures DONE, weighted equally.',
    }),
    measuresTotal: t.exposeInt('measuresTotal'),
    measuresDone: t.exposeInt('measuresDone'),
  }),
});

builder.prismaObject('WorkPlan', {
  description: "A year's work plan of the proximity economic development directorate.",
  fields: (t) => ({
    year: t.exposeInt('year'),
    title: t.string({
      args: { locale: t.arg({ type: LocaleEnum }) },
      resolve: (plan, { locale }) =>
        localized({ ca: plan.titleCa, es: plan.titleEs, en: plan.titleEn }, locale),
    }),
    mission: t.string({
      args: { locale: t.arg({ type: LocaleEnum }) },
      resolve: (plan, { locale }) =>
        localized({ ca: plan.missionCa, es: plan.missionEs, en: plan.missionEn }, locale),
    }),
    author: t.exposeString('authorCa', { description: 'The organisation that wrote the plan.' }),
    progress: t.field({
      type: ProgressRef,
      select: { axes: { select: { objectives: { select: { measures: { select: { status: true } } } } } } },
      resolve: (plan) => progressOf(plan.axes.flatMap((axis) => axis.objectives.flatMap((o) => o.measures))),
    }),
    // The plan's own lists are short (a handful of axes, objectives, measures): they weigh accordingly.
    axes: t.relation('axes', {
      query: { orderBy: { position: 'asc' } },
      complexity: { field: 1, multiplier: 4 },
    }),
    developmentPlans: t.relation('developmentPlans', { query: { orderBy: { nameCa: 'asc' } } }),
    programmes: t.relation('programmes', { query: { orderBy: { code: 'asc' } } }),
    subsidyCalls: t.relation('subsidyCalls', { query: { orderBy: [{ year: 'asc' }, { nameCa: 'asc' }] } }),
    indicators: t.relation('indicators', { query: { orderBy: { code: 'asc' } } }),
  }),
});

builder.prismaObject('Axis', {
  description: 'An axis of work of the plan ("eix de treball").',
  fields: (t) => ({
    code: t.exposeString('code'),
    title: t.string({
      args: { locale: t.arg({ type: LocaleEnum }) },
      resolve: (axis, { locale }) =>
        localized({ ca: axis.titleCa, es: axis.titleEs, en: axis.titleEn }, locale),
    }),
    purpose: t.string({
      nullable: true,
      args: { locale: t.arg({ type: LocaleEnum }) },
      resolve: (axis, { locale }) =>
        axis.purposeCa
          ? localized({ ca: axis.purposeCa, es: axis.purposeEs, en: axis.purposeEn }, locale)
          : null,
    }),
    progress: t.field({
      type: ProgressRef,
      select: { objectives: { select: { measures: { select: { status: true } } } } },
      resolve: (axis) => progressOf(axis.objectives.flatMap((objective) => objective.measures)),
    }),
    objectives: t.relation('objectives', {
      query: { orderBy: { position: 'asc' } },
      complexity: { field: 1, multiplier: 4 },
    }),
  }),
});

builder.prismaObject('Objective', {
  fields: (t) => ({
    code: t.exposeString('code'),
    title: t.string({
      args: { locale: t.arg({ type: LocaleEnum }) },
      resolve: (o, { locale }) => localized({ ca: o.titleCa, es: o.titleEs, en: o.titleEn }, locale),
    }),
    progress: t.field({
      type: ProgressRef,
      select: { measures: { select: { status: true } } },
      resolve: (objective) => progressOf(objective.measures),
    }),
    measures: t.relation('measures', {
      query: { orderBy: { position: 'asc' } },
      complexity: { field: 1, multiplier: 5 },
    }),
    highlightedActions: t.relation('highlights', {
      description: 'The objective\'s "accions destacades".',
      query: { orderBy: { position: 'asc' } },
    }),
  }),
});

builder.prismaObject('Measure', {
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code', { description: 'As the plan writes it: "2.6.A".' }),
    letter: t.exposeString('letter'),
    title: t.string({
      args: { locale: t.arg({ type: LocaleEnum }) },
      resolve: (m, { locale }) => localized({ ca: m.titleCa, es: m.titleEs, en: m.titleEn }, locale),
    }),
    status: t.expose('status', { type: MeasureStatusEnum }),
    districts: t.field({
      type: [DistrictRef],
      description: 'The districts the measure targets.',
      select: { districts: { select: { code: true }, orderBy: { code: 'asc' } } },
      complexity: { field: 1, multiplier: 3 },
      resolve: (measure, _args, { db }) =>
        districtsOf(
          db,
          measure.districts.map((district) => district.code),
        ),
    }),
    actions: t.relation('actions', {
      query: { orderBy: { position: 'asc' } },
      complexity: { field: 1, multiplier: 3 },
    }),
    figures: t.relation('figures', { description: 'Figures the plan states for this measure.' }),
    history: t.relatedConnection('history', {
      cursor: 'id',
      description: 'Status changes, newest first.',
      query: { orderBy: [{ at: 'desc' }, { id: 'desc' }] },
      totalCount: true,
    }),
  }),
});

builder.prismaObject('MeasureAction', {
  fields: (t) => ({
    title: t.string({
      args: { locale: t.arg({ type: LocaleEnum }) },
      resolve: (a, { locale }) => localized({ ca: a.titleCa, es: a.titleEs, en: a.titleEn }, locale),
    }),
    position: t.exposeInt('position'),
    depth: t.exposeInt('depth', { description: '1 for a sub-item of the action before it.' }),
  }),
});

builder.prismaObject('HighlightedAction', {
  fields: (t) => ({
    position: t.exposeInt('position'),
    title: t.string({
      args: { locale: t.arg({ type: LocaleEnum }) },
      resolve: (a, { locale }) => localized({ ca: a.titleCa, es: a.titleEs, en: a.titleEn }, locale),
    }),
  }),
});

builder.prismaObject('PlanFigure', {
  fields: (t) => ({
    kind: t.expose('kind', { type: FigureKindEnum }),
    value: t.float({ resolve: (figure) => figure.value.toNumber() }),
    sourceText: t.exposeString('sourceText', {
      description: 'The words of the plan the figure was read from.',
    }),
  }),
});

builder.prismaObject('MeasureStatusChange', {
  fields: (t) => ({
    from: t.expose('from', { type: MeasureStatusEnum }),
    to: t.expose('to', { type: MeasureStatusEnum }),
    comment: t.exposeString('comment', { nullable: true }),
    at: t.expose('at', { type: 'DateTime' }),
    by: t.relation('by', {
      nullable: true,
      description: 'Who changed it: visible to staff only.',
      authScopes: { staff: true },
      unauthorizedResolver: () => null,
    }),
  }),
});

builder.prismaObject('DevelopmentPlan', {
  description: 'A district economic development plan (PDE).',
  fields: (t) => ({
    name: t.exposeString('nameCa'),
    yearApproved: t.exposeInt('yearApproved', { nullable: true }),
    districts: t.field({
      type: [DistrictRef],
      select: { districts: { select: { districtCode: true }, orderBy: { districtCode: 'asc' } } },
      resolve: (plan, _args, { db }) =>
        districtsOf(
          db,
          plan.districts.map((link) => link.districtCode),
        ),
    }),
    services: t.relation('services'),
  }),
});

builder.prismaObject('Programme', {
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.string({
      args: { locale: t.arg({ type: LocaleEnum }) },
      resolve: (p, { locale }) => localized({ ca: p.nameCa, es: p.nameEs, en: p.nameEn }, locale),
    }),
    measureCode: t.exposeString('measureCode', { nullable: true }),
    services: t.relation('services'),
  }),
});

const ServiceRef = builder.prismaObject('Service', {
  fields: (t) => ({
    name: t.string({
      args: { locale: t.arg({ type: LocaleEnum }) },
      resolve: (s, { locale }) => localized({ ca: s.nameCa, es: s.nameEs, en: s.nameEn }, locale),
    }),
    programme: t.relation('programme'),
    developmentPlan: t.relation('developmentPlan', { nullable: true }),
    districts: t.field({
      type: [DistrictRef],
      select: { districts: { select: { districtCode: true }, orderBy: { districtCode: 'asc' } } },
      resolve: (service, _args, { db }) =>
        districtsOf(
          db,
          service.districts.map((link) => link.districtCode),
        ),
    }),
  }),
});

builder.prismaObject('SubsidyCall', {
  fields: (t) => ({
    name: t.exposeString('nameCa'),
    year: t.exposeInt('year'),
    budgetEur: t.float({ nullable: true, resolve: (call) => call.budgetEur?.toNumber() ?? null }),
    projectsFunded: t.exposeInt('projectsFunded', { nullable: true }),
    measureCode: t.exposeString('measureCode', { nullable: true }),
  }),
});

builder.prismaObjectFields('District', (t) => ({
  hasDevelopmentPlan: t.boolean({
    description: "Whether the district has an economic development plan (PDE) in the given year's plan.",
    args: { year: t.arg.int({ required: true }) },
    select: (args) => ({
      developmentPlans: {
        where: { developmentPlan: { plan: { year: args.year } } },
        take: 1,
        select: { districtCode: true },
      },
    }),
    resolve: (district) => district.developmentPlans.length > 0,
  }),
  measures: t.relation('measures', {
    description: "The measures of the given year's plan that target the district.",
    args: { year: t.arg.int({ required: true }) },
    query: (args) => ({
      where: { objective: { axis: { plan: { year: args.year } } } },
      orderBy: { code: 'asc' },
    }),
  }),
  services: t.field({
    type: [ServiceRef],
    args: { year: t.arg.int({ required: true }) },
    select: (args) => ({
      services: {
        where: { service: { programme: { plan: { year: args.year } } } },
        select: { service: true },
      },
    }),
    resolve: (district) => district.services.map((link) => link.service),
  }),
}));

builder.queryFields((t) => ({
  workPlan: t.prismaField({
    type: 'WorkPlan',
    nullable: true,
    description: 'The work plan of a year, as published.',
    args: { year: t.arg.int({ required: true }) },
    resolve: (query, _root, { year }, { db }) => db.workPlan.findUnique({ ...query, where: { year } }),
  }),
  currentWorkPlan: t.prismaField({
    type: 'WorkPlan',
    nullable: true,
    description: 'The most recent work plan.',
    resolve: (query, _root, _args, { db }) => db.workPlan.findFirst({ ...query, orderBy: { year: 'desc' } }),
  }),
  workPlans: t.prismaField({
    type: ['WorkPlan'],
    resolve: (query, _root, _args, { db }) => db.workPlan.findMany({ ...query, orderBy: { year: 'desc' } }),
  }),
  measure: t.prismaField({
    type: 'Measure',
    nullable: true,
    args: { year: t.arg.int({ required: true }), code: t.arg.string({ required: true }) },
    resolve: (query, _root, { year, code }, { db }) =>
      db.measure.findFirst({ ...query, where: { code, objective: { axis: { plan: { year } } } } }),
  }),
}));

const SetMeasureStatusInput = builder.inputType('SetMeasureStatusInput', {
  fields: (t) => ({
    year: t.int({ required: true }),
    code: t.string({ required: true, description: '"2.6.A"' }),
    status: t.field({ type: MeasureStatusEnum, required: true }),
    comment: t.string(),
  }),
});

const SetMeasureStatusPayload = mutationPayload(
  'SetMeasureStatusPayload',
  'measure',
  'Measure',
  (db, query, id) => db.measure.findUnique({ ...query, where: { id } }),
);

builder.mutationFields((t) => ({
  setMeasureStatus: t.field({
    type: SetMeasureStatusPayload,
    description: "Staff only: a measure's new execution status, kept in its history.",
    args: { input: t.arg({ type: SetMeasureStatusInput, required: true }) },
    authScopes: { staff: true },
    unauthorizedResolver: refused,
    resolve: async (_root, { input }, context) => {
      const parsed = parseInput(SetMeasureStatusSchema, input);
      if (!parsed.ok) return failed(parsed.errors);
      return outcome(await setMeasureStatus(context.db, signedInViewer(context).id, parsed.data));
    },
  }),
}));
