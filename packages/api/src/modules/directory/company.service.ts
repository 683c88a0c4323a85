import type { Prisma } from '@proximitat/db';
import type { Context } from '../../context.ts';
import { appError } from '../../errors.ts';
import { escapeLike } from '../common/like.ts';
import type { CompanyListFilter, CompanyListOrder } from './company-input.ts';
import { isStaff } from './membership.ts';

/** What the viewer may see: staff everything; others published companies and the ones they edit. */
export function visibleCompanies(context: Pick<Context, 'viewer'>): Prisma.CompanyWhereInput {
  if (isStaff(context)) return {};
  if (!context.viewer) return { status: 'PUBLISHED' };
  return { OR: [{ status: 'PUBLISHED' }, { memberships: { some: { accountId: context.viewer.id } } }] };
}

/**
 * The companies of the plain directory listing for a parsed filter: staff may list every status,
 * others only published companies (asking for another status is refused, not ignored).
 */
export function companyListWhere(
  filter: CompanyListFilter,
  context: Pick<Context, 'viewer'>,
): Prisma.CompanyWhereInput {
  const statuses = filter?.statuses;
  if (statuses?.some((status) => status !== 'PUBLISHED') && !isStaff(context)) {
    throw appError(context.viewer ? 'NOT_ALLOWED' : 'SIGN_IN_REQUIRED', 'filter.statuses');
  }
  const and: Prisma.CompanyWhereInput[] = [
    isStaff(context) ? (statuses?.length ? { status: { in: statuses } } : {}) : { status: 'PUBLISHED' },
  ];
  if (filter?.districts?.length) and.push({ districtCode: { in: filter.districts } });
  if (filter?.neighbourhoods?.length) and.push({ neighbourhoodCode: { in: filter.neighbourhoods } });
  if (filter?.legalForms?.length) and.push({ legalFormCode: { in: filter.legalForms } });
  if (filter?.sectors?.length) and.push({ sectors: { some: { sectorCode: { in: filter.sectors } } } });
  if (typeof filter?.reservedContractEligible === 'boolean') {
    const eligible: Prisma.CompanyWhereInput = {
      OR: [{ insertionCompany: true }, { specialEmploymentCentre: true }],
    };
    and.push(filter.reservedContractEligible ? eligible : { NOT: eligible });
  }
  const text = filter?.nameOrTaxId;
  if (text) {
    and.push({
      OR: [
        { name: { contains: escapeLike(text), mode: 'insensitive' } },
        { taxId: { equals: text.toUpperCase().replace(/[\s.-]/g, '') } },
      ],
    });
  }
  return { AND: and };
}

/** The listing's order, with the id breaking ties so that pages never overlap. */
export function companyListOrder(
  order: CompanyListOrder | null | undefined,
): Prisma.CompanyOrderByWithRelationInput[] {
  if (order === 'NEWEST') return [{ createdAt: 'desc' }, { id: 'asc' }];
  if (order === 'RECENTLY_UPDATED') return [{ updatedAt: 'desc' }, { id: 'asc' }];
  return [{ name: 'asc' }, { id: 'asc' }];
}
