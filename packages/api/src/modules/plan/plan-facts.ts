import { z } from 'zod';

/** What a plan states about things other than its measures; kept beside the plan document. */
export const PlanFactsSchema = z.object({
  year: z.number().int(),
  developmentPlans: z.array(
    z.object({
      name: z.string().min(1),
      districts: z.array(z.string().regex(/^\d{2}$/)).min(1),
      yearApproved: z.number().int().nullable(),
      measure: z.string().optional(),
    }),
  ),
  programmes: z.array(
    z.object({
      code: z.string().min(1),
      name: z.string().min(1),
      measure: z.string().optional(),
      services: z.array(
        z.object({
          name: z.string().min(1),
          districts: z.array(z.string().regex(/^\d{2}$/)),
          developmentPlan: z.string().optional(),
        }),
      ),
    }),
  ),
  subsidyCalls: z.array(
    z.object({
      name: z.string().min(1),
      year: z.number().int(),
      budgetEur: z.number().nonnegative().optional(),
      projectsFunded: z.number().int().nonnegative().optional(),
      measure: z.string().optional(),
    }),
  ),
});

export type PlanFacts = z.infer<typeof PlanFactsSchema>;

export function parsePlanFacts(json: string, source: string): PlanFacts {
  const result = PlanFactsSchema.safeParse(JSON.parse(json));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${source}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

export function pdeDistrictCodes(facts: PlanFacts | undefined): string[] {
  return [...new Set(facts?.developmentPlans.flatMap((plan) => plan.districts) ?? [])].sort();
}
