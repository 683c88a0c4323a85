import { builder } from '../../builder.ts';
import { EsgPillarEnum } from '../directory/company.schema.ts';
import { LocaleEnum, localized } from '../i18n/locale.schema.ts';

builder.prismaObject('EsgCriterion', {
  description: 'A criterion of the ESG (ASG) homologation catalogue.',
  fields: (t) => ({
    code: t.exposeString('code'),
    version: t.exposeInt('version'),
    pillar: t.expose('pillar', { type: EsgPillarEnum }),
    weight: t.exposeInt('weight'),
    question: t.string({
      args: { locale: t.arg({ type: LocaleEnum }) },
      resolve: (criterion, { locale }) =>
        localized({ ca: criterion.questionCa, es: criterion.questionEs, en: criterion.questionEn }, locale),
    }),
    evidenceRequired: t.exposeBoolean('evidenceRequired'),
  }),
});

builder.queryField('esgCriteria', (t) =>
  t.prismaField({
    type: ['EsgCriterion'],
    description: 'The ESG (ASG) homologation criteria in force, by pillar.',
    resolve: (query, _root, _args, { db }) =>
      db.esgCriterion.findMany({ ...query, where: { active: true }, orderBy: { position: 'asc' } }),
  }),
);
