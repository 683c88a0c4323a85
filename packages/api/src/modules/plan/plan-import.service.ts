import type { Db, FigureKind, Prisma } from '@proximitat/db';
import type { ParsedPlan } from './plan-document.ts';
import { type PlanFacts, pdeDistrictCodes } from './plan-facts.ts';
import { extractFigures, targetedDistricts } from './plan-figures.ts';
import { PLAN_TRANSLATIONS, type PlanTranslations, type Translation } from './plan-translations.ts';

type Tx = Prisma.TransactionClient;

export interface ChangeCounts {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export interface ImportSummary {
  year: number;
  axes: number;
  objectives: number;
  measures: number;
  actions: number;
  highlights: number;
  figures: number;
  /** Axes, objectives and measures, each counted once. */
  changes: ChangeCounts;
  factsChanged: boolean;
}

interface FigureRow {
  kind: FigureKind;
  value: string;
  sourceText: string;
  actionPosition: number | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function measureText(measure: ParsedPlan['axes'][number]['objectives'][number]['measures'][number]): string {
  return [measure.title, ...measure.actions.map((action) => action.title)].join('\n');
}

/**
 * Loads a parsed plan into the database in one transaction: creates what is new, updates in place
 * what changed (keeping each measure's status and history), removes what the document no longer
 * has. Loading the same document again changes nothing.
 */
export async function importPlan(db: Db, parsed: ParsedPlan, facts?: PlanFacts): Promise<ImportSummary> {
  return db.$transaction(async (tx) => importInTransaction(tx, parsed, facts), { timeout: 120_000 });
}

async function importInTransaction(
  tx: Tx,
  parsed: ParsedPlan,
  facts: PlanFacts | undefined,
): Promise<ImportSummary> {
  const changes: ChangeCounts = { created: 0, updated: 0, unchanged: 0, removed: 0 };
  const districts = await tx.district.findMany({ select: { code: true, name: true } });
  const pdeDistricts = pdeDistrictCodes(facts);

  const planData = { titleCa: parsed.title, missionCa: parsed.mission, authorCa: parsed.author };
  let plan = await tx.workPlan.findUnique({ where: { year: parsed.year } });
  if (!plan) plan = await tx.workPlan.create({ data: { year: parsed.year, ...planData } });
  else if (
    !same(
      [plan.titleCa, plan.missionCa, plan.authorCa],
      [planData.titleCa, planData.missionCa, planData.authorCa],
    )
  ) {
    plan = await tx.workPlan.update({ where: { id: plan.id }, data: planData });
  }

  const existingAxes = await tx.axis.findMany({
    where: { planId: plan.id },
    include: {
      objectives: {
        include: {
          highlights: { orderBy: { position: 'asc' } },
          measures: {
            include: {
              districts: { select: { code: true } },
              actions: { orderBy: { position: 'asc' } },
              figures: { include: { action: { select: { position: true } } } },
            },
          },
        },
      },
    },
  });

  let actionCount = 0;
  let highlightCount = 0;
  let figureCount = 0;
  const keptAxes = new Set<string>();

  for (const [axisPosition, axis] of parsed.axes.entries()) {
    const axisData = { position: axisPosition, titleCa: axis.title, purposeCa: axis.purpose };
    const existingAxis = existingAxes.find((candidate) => candidate.code === axis.code);
    let axisId: string;
    if (!existingAxis) {
      axisId = (await tx.axis.create({ data: { planId: plan.id, code: axis.code, ...axisData } })).id;
      changes.created++;
    } else {
      axisId = existingAxis.id;
      if (
        same([existingAxis.position, existingAxis.titleCa, existingAxis.purposeCa], Object.values(axisData))
      )
        changes.unchanged++;
      else {
        await tx.axis.update({ where: { id: axisId }, data: axisData });
        changes.updated++;
      }
    }
    keptAxes.add(axisId);
    const existingObjectives = existingAxis?.objectives ?? [];
    const keptObjectives = new Set<string>();

    for (const [objectivePosition, objective] of axis.objectives.entries()) {
      const objectiveData = { position: objectivePosition, titleCa: objective.title };
      const existingObjective = existingObjectives.find((candidate) => candidate.code === objective.code);
      let objectiveId: string;
      let objectiveChanged = false;
      if (!existingObjective) {
        objectiveId = (
          await tx.objective.create({ data: { axisId, code: objective.code, ...objectiveData } })
        ).id;
        changes.created++;
      } else {
        objectiveId = existingObjective.id;
        if (!same([existingObjective.position, existingObjective.titleCa], Object.values(objectiveData))) {
          await tx.objective.update({ where: { id: objectiveId }, data: objectiveData });
          objectiveChanged = true;
        }
      }
      keptObjectives.add(objectiveId);

      const highlights = objective.highlights;
      highlightCount += highlights.length;
      if (!same(existingObjective?.highlights.map((highlight) => highlight.titleCa) ?? [], highlights)) {
        await tx.highlightedAction.deleteMany({ where: { objectiveId } });
        await tx.highlightedAction.createMany({
          data: highlights.map((titleCa, position) => ({ objectiveId, position, titleCa })),
        });
        objectiveChanged = true;
      }
      if (existingObjective) {
        if (objectiveChanged) changes.updated++;
        else changes.unchanged++;
      }

      const existingMeasures = existingObjective?.measures ?? [];
      const keptMeasures = new Set<string>();
      for (const [measurePosition, measure] of objective.measures.entries()) {
        const text = measureText(measure);
        const districtCodes = targetedDistricts(text, districts, pdeDistricts);
        const actions = measure.actions.map((action, position) => ({
          position,
          depth: action.depth,
          titleCa: action.title,
        }));
        const figures: FigureRow[] = [
          ...extractFigures(measure.title).map((figure) => ({ ...figure, actionPosition: null })),
          ...measure.actions.flatMap((action, position) =>
            extractFigures(action.title).map((figure) => ({ ...figure, actionPosition: position })),
          ),
        ].map((figure) => ({
          kind: figure.kind,
          value: figure.value.toFixed(2),
          sourceText: figure.sourceText,
          actionPosition: figure.actionPosition,
        }));
        actionCount += actions.length;
        figureCount += figures.length;
        const measureData = { letter: measure.letter, position: measurePosition, titleCa: measure.title };
        const existingMeasure = existingMeasures.find((candidate) => candidate.code === measure.code);

        if (existingMeasure) {
          keptMeasures.add(existingMeasure.id);
          const existingFigures: FigureRow[] = existingMeasure.figures.map((figure) => ({
            kind: figure.kind,
            value: figure.value.toFixed(2),
            sourceText: figure.sourceText,
            actionPosition: figure.action?.position ?? null,
          }));
          const unchanged =
            same(
              [existingMeasure.letter, existingMeasure.position, existingMeasure.titleCa],
              Object.values(measureData),
            ) &&
            same(existingMeasure.districts.map((district) => district.code).sort(), districtCodes) &&
            same(
              existingMeasure.actions.map(({ position, depth, titleCa }) => ({ position, depth, titleCa })),
              actions,
            ) &&
            same(sortFigures(existingFigures), sortFigures(figures));
          if (unchanged) {
            changes.unchanged++;
            continue;
          }
          // Status and history stay; the text, its actions and figures follow the document.
          await tx.measure.update({
            where: { id: existingMeasure.id },
            data: { ...measureData, districts: { set: districtCodes.map((code) => ({ code })) } },
          });
          await tx.measureAction.deleteMany({ where: { measureId: existingMeasure.id } });
          await tx.planFigure.deleteMany({ where: { measureId: existingMeasure.id } });
          await createChildren(tx, existingMeasure.id, actions, figures);
          changes.updated++;
        } else {
          const created = await tx.measure.create({
            data: {
              objectiveId,
              code: measure.code,
              ...measureData,
              districts: { connect: districtCodes.map((code) => ({ code })) },
            },
          });
          keptMeasures.add(created.id);
          await createChildren(tx, created.id, actions, figures);
          changes.created++;
        }
      }
      const removedMeasures = existingMeasures.filter((candidate) => !keptMeasures.has(candidate.id));
      if (removedMeasures.length > 0) {
        await tx.measure.deleteMany({
          where: { id: { in: removedMeasures.map((candidate) => candidate.id) } },
        });
        changes.removed += removedMeasures.length;
      }
    }
    const removedObjectives = existingObjectives.filter((candidate) => !keptObjectives.has(candidate.id));
    if (removedObjectives.length > 0) {
      await tx.objective.deleteMany({
        where: { id: { in: removedObjectives.map((candidate) => candidate.id) } },
      });
      changes.removed += removedObjectives.reduce((sum, candidate) => sum + 1 + candidate.measures.length, 0);
    }
  }
  const removedAxes = existingAxes.filter((candidate) => !keptAxes.has(candidate.id));
  if (removedAxes.length > 0) {
    await tx.axis.deleteMany({ where: { id: { in: removedAxes.map((candidate) => candidate.id) } } });
    changes.removed += removedAxes.reduce(
      (sum, axis) =>
        sum + 1 + axis.objectives.reduce((inner, objective) => inner + 1 + objective.measures.length, 0),
      0,
    );
  }

  const factsChanged = facts ? await importFacts(tx, plan.id, facts) : false;
  await applyTranslations(tx, plan.id, PLAN_TRANSLATIONS[parsed.year]);

  return {
    year: parsed.year,
    axes: parsed.axes.length,
    objectives: parsed.axes.reduce((sum, axis) => sum + axis.objectives.length, 0),
    measures: parsed.axes.reduce(
      (sum, axis) => sum + axis.objectives.reduce((inner, o) => inner + o.measures.length, 0),
      0,
    ),
    actions: actionCount,
    highlights: highlightCount,
    figures: figureCount,
    changes,
    factsChanged,
  };
}

/** The Spanish and English of a translated text, while the stored Catalan is the one translated; none when it changed. */
function translated(storedCa: string | null, translation: Translation | undefined) {
  if (!translation) return null;
  return translation.ca === storedCa ? { es: translation.es, en: translation.en } : { es: null, en: null };
}

/** Whether any of `data`'s fields differs from the row's. */
const differs = (row: object, data: Record<string, string | null>) =>
  Object.entries(data).some(([key, value]) => (row as Record<string, unknown>)[key] !== value);

/**
 * Writes the Spanish and English titles (plan-translations.ts) of the plan, its axes, objectives
 * and measures where they differ from what is stored; a text whose Catalan changed loses its
 * translation (the Catalan is shown) rather than keep the old one's. Texts the file has no entry
 * for are left as they are.
 */
async function applyTranslations(tx: Tx, planId: string, translations: PlanTranslations | undefined) {
  if (!translations) return;
  const plan = await tx.workPlan.findUniqueOrThrow({ where: { id: planId } });
  const title = translated(plan.titleCa, translations.title);
  const mission = translated(plan.missionCa, translations.mission);
  const planData = {
    ...(title ? { titleEs: title.es, titleEn: title.en } : {}),
    ...(mission ? { missionEs: mission.es, missionEn: mission.en } : {}),
  };
  if (differs(plan, planData)) await tx.workPlan.update({ where: { id: planId }, data: planData });
  const axes = await tx.axis.findMany({
    where: { planId },
    include: { objectives: { include: { measures: true } } },
  });
  for (const axis of axes) {
    const axisTitle = translated(axis.titleCa, translations.axes[axis.code]?.title);
    const purpose = translated(axis.purposeCa, translations.axes[axis.code]?.purpose);
    const axisData = {
      ...(axisTitle ? { titleEs: axisTitle.es, titleEn: axisTitle.en } : {}),
      ...(purpose ? { purposeEs: purpose.es, purposeEn: purpose.en } : {}),
    };
    if (differs(axis, axisData)) await tx.axis.update({ where: { id: axis.id }, data: axisData });
    for (const objective of axis.objectives) {
      const objectiveTitle = translated(objective.titleCa, translations.objectives[objective.code]);
      if (
        objectiveTitle &&
        (objective.titleEs !== objectiveTitle.es || objective.titleEn !== objectiveTitle.en)
      )
        await tx.objective.update({
          where: { id: objective.id },
          data: { titleEs: objectiveTitle.es, titleEn: objectiveTitle.en },
        });
      for (const measure of objective.measures) {
        const measureTitle = translated(measure.titleCa, translations.measures[measure.code]);
        if (measureTitle && (measure.titleEs !== measureTitle.es || measure.titleEn !== measureTitle.en))
          await tx.measure.update({
            where: { id: measure.id },
            data: { titleEs: measureTitle.es, titleEn: measureTitle.en },
          });
      }
    }
  }
}

function sortFigures(figures: FigureRow[]): FigureRow[] {
  return [...figures].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

async function createChildren(
  tx: Tx,
  measureId: string,
  actions: { position: number; depth: number; titleCa: string }[],
  figures: FigureRow[],
): Promise<void> {
  const created = await tx.measureAction.createManyAndReturn({
    data: actions.map((action) => ({ measureId, ...action })),
    select: { id: true, position: true },
  });
  const actionIds = new Map(created.map((action) => [action.position, action.id]));
  if (figures.length > 0) {
    await tx.planFigure.createMany({
      data: figures.map((figure) => ({
        measureId,
        actionId: figure.actionPosition === null ? null : (actionIds.get(figure.actionPosition) ?? null),
        kind: figure.kind,
        value: figure.value,
        sourceText: figure.sourceText,
      })),
    });
  }
}

/** Replaces the plan's PDEs, programmes, services and subsidy calls when the facts changed. */
async function importFacts(tx: Tx, planId: string, facts: PlanFacts): Promise<boolean> {
  // One connection serves the transaction: its queries run one after the other.
  const plans = await tx.developmentPlan.findMany({
    where: { planId },
    include: { districts: { select: { districtCode: true } } },
    orderBy: { nameCa: 'asc' },
  });
  const programmes = await tx.programme.findMany({
    where: { planId },
    include: { services: { include: { districts: true, developmentPlan: true } } },
    orderBy: { code: 'asc' },
  });
  const calls = await tx.subsidyCall.findMany({
    where: { planId },
    orderBy: [{ nameCa: 'asc' }, { year: 'asc' }],
  });
  const current = {
    developmentPlans: plans.map((p) => ({
      name: p.nameCa,
      districts: p.districts.map((d) => d.districtCode).sort(),
      yearApproved: p.yearApproved,
    })),
    programmes: programmes.map((p) => ({
      code: p.code,
      name: p.nameCa,
      measure: p.measureCode,
      services: p.services
        .map((s) => ({
          name: s.nameCa,
          districts: s.districts.map((d) => d.districtCode).sort(),
          developmentPlan: s.developmentPlan?.nameCa ?? null,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    })),
    subsidyCalls: calls.map((c) => ({
      name: c.nameCa,
      year: c.year,
      budgetEur: c.budgetEur?.toNumber() ?? null,
      projectsFunded: c.projectsFunded,
      measure: c.measureCode,
    })),
  };
  const wanted = {
    developmentPlans: [...facts.developmentPlans]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((p) => ({ name: p.name, districts: [...p.districts].sort(), yearApproved: p.yearApproved })),
    programmes: [...facts.programmes]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((p) => ({
        code: p.code,
        name: p.name,
        measure: p.measure ?? null,
        services: p.services
          .map((s) => ({
            name: s.name,
            districts: [...s.districts].sort(),
            developmentPlan: s.developmentPlan ?? null,
          }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      })),
    subsidyCalls: [...facts.subsidyCalls]
      .sort((a, b) => a.name.localeCompare(b.name) || a.year - b.year)
      .map((c) => ({
        name: c.name,
        year: c.year,
        budgetEur: c.budgetEur ?? null,
        projectsFunded: c.projectsFunded ?? null,
        measure: c.measure ?? null,
      })),
  };
  if (same(current, wanted)) return false;

  await tx.developmentPlan.deleteMany({ where: { planId } });
  await tx.programme.deleteMany({ where: { planId } });
  await tx.subsidyCall.deleteMany({ where: { planId } });
  const planIds = new Map<string, string>();
  for (const development of facts.developmentPlans) {
    const created = await tx.developmentPlan.create({
      data: {
        planId,
        nameCa: development.name,
        yearApproved: development.yearApproved,
        districts: { create: development.districts.map((districtCode) => ({ districtCode })) },
      },
    });
    planIds.set(development.name, created.id);
  }
  for (const programme of facts.programmes) {
    await tx.programme.create({
      data: {
        planId,
        code: programme.code,
        nameCa: programme.name,
        measureCode: programme.measure ?? null,
        services: {
          create: programme.services.map((service) => ({
            nameCa: service.name,
            developmentPlanId: service.developmentPlan
              ? (planIds.get(service.developmentPlan) ?? null)
              : null,
            districts: { create: service.districts.map((districtCode) => ({ districtCode })) },
          })),
        },
      },
    });
  }
  await tx.subsidyCall.createMany({
    data: facts.subsidyCalls.map((call) => ({
      planId,
      nameCa: call.name,
      year: call.year,
      budgetEur: call.budgetEur ?? null,
      projectsFunded: call.projectsFunded ?? null,
      measureCode: call.measure ?? null,
    })),
  });
  return true;
}
