export { PlanFormatError, parsePlanDocument } from './plan-document.ts';
export { describePlan, readPlanFile, SEED_PLAN_FILE } from './plan-file.ts';
export { type ImportSummary, importPlan } from './plan-import.service.ts';
