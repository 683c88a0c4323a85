import { z } from 'zod';
import { builder } from '../../builder.ts';
import { AppError } from '../../errors.ts';
import { zodErrors } from '../common/validation.ts';
import { LocaleEnum } from '../i18n/locale.schema.ts';
import { browseCpv, CPV_BROWSE_LIMITS, type CpvEntry, cpvEntries } from './cpv.ts';

const CpvEntryRef = builder.objectRef<CpvEntry>('CpvEntry').implement({
  description: 'A code of the CPV 2008 vocabulary, with its place in the hierarchy.',
  fields: (t) => ({
    code: t.exposeString('code', { description: '"90910000-9"' }),
    branch: t.exposeString('branch', {
      description:
        'Its leading digits ("9091"): as a `cpv` filter value it finds the companies with this code or one under it.',
    }),
    level: t.exposeInt('level', { description: '1 division, 2 group, 3 class, 4 category, 5 and below.' }),
    parent: t.exposeString('parent', {
      nullable: true,
      description: 'The branch of the code above; null for a division.',
    }),
    childCount: t.exposeInt('childCount', { description: 'How many codes are directly under it.' }),
    label: t.string({
      args: { locale: t.arg({ type: LocaleEnum }) },
      description: 'In Spanish or English; Catalan falls back to Spanish (the CPV has no Catalan version).',
      resolve: (entry, { locale }) => (locale === 'EN' ? entry.labels.en : entry.labels.es),
    }),
    labelLanguage: t.string({
      args: { locale: t.arg({ type: LocaleEnum }) },
      description: 'The language the label is really in ("es" or "en"), for `lang` attributes.',
      resolve: (_entry, { locale }) => (locale === 'EN' ? 'en' : 'es'),
    }),
  }),
});

const CpvPageRef = builder
  .objectRef<{ totalCount: number; entries: CpvEntry[]; offset: number }>('CpvVocabularyPage')
  .implement({
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount'),
      hasNextPage: t.boolean({ resolve: (page) => page.offset + page.entries.length < page.totalCount }),
      entries: t.field({
        type: [CpvEntryRef],
        complexity: { field: 1, multiplier: 1 },
        resolve: (page) => page.entries,
      }),
    }),
  });

const BrowseArgs = z.object({
  query: z.string().max(CPV_BROWSE_LIMITS.queryLength).nullish(),
  under: z
    .string()
    .regex(/^\d{2,8}(-\d)?$/)
    .nullish(),
  first: z.number().int().min(0).max(CPV_BROWSE_LIMITS.pageSize).nullish(),
  offset: z.number().int().min(0).max(CPV_BROWSE_LIMITS.offset).nullish(),
});

function checked<T>(schema: z.ZodType<T>, args: unknown, prefix = ''): T {
  const result = schema.safeParse(args);
  if (result.success) return result.data;
  const [problem] = zodErrors(result.error, prefix);
  if (!problem) throw new Error('invalid arguments');
  throw new AppError(problem.reason, problem.params, problem.field ? { field: problem.field } : {});
}

builder.queryFields((t) => ({
  cpvVocabulary: t.field({
    type: CpvPageRef,
    description:
      'The CPV 2008 vocabulary for pickers, public. Without `query`: the codes directly under `under` (the divisions without it). With `query`: codes at any level (under `under` when given) whose code starts with its digits or whose label holds all its words. In code order; at most 100 a page, a text of at most 100 characters.',
    args: {
      query: t.arg.string(),
      under: t.arg.string({ description: 'A branch ("909") or a code ("90900000-5").' }),
      first: t.arg.int({ description: 'Default 20, at most 100.' }),
      offset: t.arg.int({ description: 'Default 0, at most 10,000.' }),
    },
    complexity: (args) => ({ field: 1, multiplier: Math.max(1, Math.ceil((args.first ?? 20) / 10)) }),
    resolve: (_root, args) => {
      const { query, under, first, offset } = checked(BrowseArgs, args);
      const start = offset ?? 0;
      return { ...browseCpv({ query, under, offset: start, limit: first ?? 20 }), offset: start };
    },
  }),
  cpvEntries: t.field({
    type: [CpvEntryRef],
    description: 'The vocabulary entries of these codes or branches (at most 50; unknown ones are left out).',
    args: { codes: t.arg.stringList({ required: true }) },
    resolve: (_root, { codes }) => cpvEntries(checked(z.array(z.string().max(12)).max(50), codes, 'codes')),
  }),
}));
