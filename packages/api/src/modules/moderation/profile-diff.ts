import type { CompanyProfile } from '../directory/company-profile.ts';
import type { FieldChange } from './revision-stored.ts';

function show(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : null;
  return String(value);
}

/** Field by field, what a revision would change, as text for reviewers (every field when there is no "before"). */
export function diffProfiles(before: CompanyProfile | null, after: CompanyProfile): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(after) as (keyof CompanyProfile)[]) {
    if (field === 'locationApproximate') continue;
    const was = before ? show(before[field]) : null;
    const now = show(after[field]);
    if (was !== now) changes.push({ field, before: was, after: now });
  }
  return changes;
}
