import type { Db } from '@proximitat/db';
import type { Viewer } from '../../context.ts';
import { rejected, type ServiceResult, type UserError, userError } from '../../errors.ts';
import { RATE_RULES, rateLimited } from '../../rate-limit/rate-limit.ts';
import { normaliseEmail } from '../account/password.ts';
import { isUuid } from '../common/ids.ts';
import { type NoteData, SHORTLIST_LIMITS, type ShortlistData } from './shortlist.input.ts';
import { type SnapshotRows, shortlistRows } from './shortlist-rows.ts';

export { SHORTLIST_LIMITS };

/**
 * Shortlists of suppliers for a tender. The owner changes them; the colleagues they are shared
 * with and staff read them. The resolvers validate the input (shortlist.input.ts); the checks that
 * need the database (who may, what exists, how many) are made here.
 */

/** What the viewer may do with a shortlist (the GraphQL enum ShortlistAccess). */
export const ShortlistAccess = { OWNER: 'OWNER', READER: 'READER' } as const;
export type ShortlistAccess = (typeof ShortlistAccess)[keyof typeof ShortlistAccess];

const PROCUREMENT_ROLES = new Set(['PROCUREMENT_OFFICER', 'STAFF', 'ADMIN']);
const isStaffRole = (role: string) => role === 'STAFF' || role === 'ADMIN';

/**
 * What the viewer may do with a shortlist: null when they may not even know it exists. The role is
 * read now, not when the list was shared: an officer demoted to USER reads no list, not even their own.
 */
export async function shortlistAccess(
  db: Db,
  shortlistId: string,
  viewer: Viewer | null,
): Promise<ShortlistAccess | null> {
  if (!viewer || !PROCUREMENT_ROLES.has(viewer.role) || !isUuid(shortlistId)) return null;
  const shortlist = await db.shortlist.findUnique({
    where: { id: shortlistId },
    select: {
      ownerId: true,
      shares: { where: { email: normaliseEmail(viewer.email) }, select: { email: true } },
    },
  });
  if (!shortlist) return null;
  if (shortlist.ownerId === viewer.id) return 'OWNER';
  if (shortlist.shares.length > 0 || isStaffRole(viewer.role)) return 'READER';
  return null;
}

/** Whether the viewer sees the addresses a list is shared with: its owner and staff do. */
export const seesShares = (ownerId: string, viewer: Viewer | null) =>
  viewer !== null && (ownerId === viewer.id || isStaffRole(viewer.role));

/** The shortlists a viewer reads in their list: their own and those shared with their address. */
export function visibleShortlists(viewer: Viewer | null) {
  const email = normaliseEmail(viewer?.email ?? '');
  return { OR: [{ ownerId: viewer?.id ?? '' }, ...(email ? [{ shares: { some: { email } } }] : [])] };
}

/** Which of these companies are on the list (ids that are not UUIDs name none). */
export async function shortlistIncludes(
  db: Db,
  shortlistId: string,
  companyIds: string[],
): Promise<string[]> {
  const ids = companyIds.filter(isUuid);
  if (ids.length === 0) return [];
  const rows = await db.shortlistEntry.findMany({
    where: { shortlistId, companyId: { in: ids } },
    select: { companyId: true },
  });
  return rows.map((row) => row.companyId);
}

/**
 * Changes the company's entry on the list (`change` counts the rows it changed): NOT_ON_SHORTLIST
 * when the company is not on it (an id that is not a UUID names no company).
 */
async function changeEntry(
  companyId: string,
  change: () => Promise<{ count: number }>,
): Promise<UserError | null> {
  const { count } = isUuid(companyId) ? await change() : { count: 0 };
  return count === 0 ? userError('NOT_ON_SHORTLIST', 'companyId') : null;
}

/** The owner's right to change the list, as a userError when missing. */
async function ownerOnly(db: Db, shortlistId: string, viewer: Viewer): Promise<UserError | null> {
  const access = await shortlistAccess(db, shortlistId, viewer);
  if (access === null) return userError('SHORTLIST_NOT_FOUND', 'shortlistId');
  if (access === 'READER') return userError('SHORTLIST_OWNER_ONLY', 'shortlistId');
  return null;
}

export async function createShortlist(db: Db, viewer: Viewer, data: ShortlistData): Promise<ServiceResult> {
  const shortlist = await db.shortlist.create({
    data: { ...data, ownerId: viewer.id },
    select: { id: true },
  });
  return { ok: true, id: shortlist.id };
}

export async function updateShortlist(
  db: Db,
  viewer: Viewer,
  shortlistId: string,
  data: ShortlistData,
): Promise<ServiceResult> {
  const refused = await ownerOnly(db, shortlistId, viewer);
  if (refused) return rejected(refused);
  await db.shortlist.update({ where: { id: shortlistId }, data });
  return { ok: true, id: shortlistId };
}

export async function deleteShortlist(db: Db, viewer: Viewer, shortlistId: string): Promise<ServiceResult> {
  const refused = await ownerOnly(db, shortlistId, viewer);
  if (refused) return rejected(refused);
  await db.shortlist.delete({ where: { id: shortlistId } });
  return { ok: true, id: shortlistId };
}

/** Adds a published company, or updates its note when it is already on the list and a note is given. */
export async function addToShortlist(
  db: Db,
  viewer: Viewer,
  shortlistId: string,
  companyId: string,
  note: NoteData,
): Promise<ServiceResult> {
  const refused = await ownerOnly(db, shortlistId, viewer);
  if (refused) return rejected(refused);
  const company = isUuid(companyId)
    ? await db.company.findUnique({ where: { id: companyId }, select: { status: true } })
    : null;
  if (company?.status !== 'PUBLISHED') {
    return rejected(userError('SUPPLIER_NOT_IN_DIRECTORY', 'companyId'));
  }
  return db.$transaction(async (tx) => {
    // One list's additions queue behind each other, so the cap holds under concurrent requests.
    await tx.$queryRaw`SELECT id FROM "Shortlist" WHERE id = ${shortlistId}::uuid FOR UPDATE`;
    const key = { shortlistId_companyId: { shortlistId, companyId } };
    const existing = await tx.shortlistEntry.findUnique({ where: key, select: { note: true } });
    if (existing) {
      if (note !== undefined) await tx.shortlistEntry.update({ where: key, data: { note } });
    } else {
      const count = await tx.shortlistEntry.count({ where: { shortlistId } });
      if (count >= SHORTLIST_LIMITS.entries) {
        return rejected(userError('SHORTLIST_FULL', 'companyId', { max: SHORTLIST_LIMITS.entries }));
      }
      await tx.shortlistEntry.create({ data: { shortlistId, companyId, note: note ?? null } });
    }
    await tx.shortlist.update({ where: { id: shortlistId }, data: { updatedAt: new Date() } });
    return { ok: true as const, id: shortlistId };
  });
}

export async function removeFromShortlist(
  db: Db,
  viewer: Viewer,
  shortlistId: string,
  companyId: string,
): Promise<ServiceResult> {
  const refused = await ownerOnly(db, shortlistId, viewer);
  if (refused) return rejected(refused);
  const missing = await changeEntry(companyId, () =>
    db.shortlistEntry.deleteMany({ where: { shortlistId, companyId } }),
  );
  if (missing) return rejected(missing);
  await db.shortlist.update({ where: { id: shortlistId }, data: { updatedAt: new Date() } });
  return { ok: true, id: shortlistId };
}

/** Changes the note on a company of the list; no note (or an empty one) clears it. */
export async function setShortlistNote(
  db: Db,
  viewer: Viewer,
  shortlistId: string,
  companyId: string,
  note: NoteData,
): Promise<ServiceResult> {
  const refused = await ownerOnly(db, shortlistId, viewer);
  if (refused) return rejected(refused);
  const missing = await changeEntry(companyId, () =>
    db.shortlistEntry.updateMany({ where: { shortlistId, companyId }, data: { note: note ?? null } }),
  );
  if (missing) return rejected(missing);
  return { ok: true, id: shortlistId };
}

/**
 * Read-only access for a colleague: another procurement officer (or staff), named by email (an
 * address as ShareEmailSchema gives it). The share names the address, whether or not an account
 * has it, so neither the answer nor the list of shares tells which addresses have accounts; the
 * account with the address reads the list only while it holds a procurement role.
 */
export async function shareShortlist(
  db: Db,
  viewer: Viewer,
  shortlistId: string,
  address: string,
): Promise<ServiceResult> {
  const refused = await ownerOnly(db, shortlistId, viewer);
  if (refused) return rejected(refused);
  if (address === normaliseEmail(viewer.email)) {
    return rejected(userError('SHARE_WITH_OWNER', 'email'));
  }
  const shares = await db.shortlistShare.count({ where: { shortlistId } });
  if (shares >= SHORTLIST_LIMITS.shares) {
    return rejected(userError('SHORTLIST_SHARES_FULL', 'email', { max: SHORTLIST_LIMITS.shares }));
  }
  const limited = await rateLimited(db, [[RATE_RULES.shortlistSharePerAccount, viewer.id]], 'email');
  if (limited) return limited;
  await db.shortlistShare.upsert({
    where: { shortlistId_email: { shortlistId, email: address } },
    create: { shortlistId, email: address },
    update: {},
  });
  return { ok: true, id: shortlistId };
}

export async function unshareShortlist(
  db: Db,
  viewer: Viewer,
  shortlistId: string,
  email: string,
): Promise<ServiceResult> {
  const refused = await ownerOnly(db, shortlistId, viewer);
  if (refused) return rejected(refused);
  const removed = await db.shortlistShare.deleteMany({
    where: { shortlistId, email: normaliseEmail(email) },
  });
  if (removed.count === 0) {
    return rejected(userError('SHORTLIST_NOT_SHARED_WITH', 'email'));
  }
  return { ok: true, id: shortlistId };
}

/** Freezes the export's rows as they are now, for the contract file. */
export async function snapshotShortlist(
  db: Db,
  viewer: Viewer,
  shortlistId: string,
  publicUrl: string,
): Promise<ServiceResult<{ id: string; snapshotId: string }>> {
  const refused = await ownerOnly(db, shortlistId, viewer);
  if (refused) return rejected(refused);
  return db.$transaction(async (tx) => {
    const rows: SnapshotRows = [];
    for await (const batch of shortlistRows(tx as unknown as Db, shortlistId, publicUrl)) rows.push(...batch);
    const snapshot = await tx.shortlistSnapshot.create({
      data: { shortlistId, takenById: viewer.id, rows, entryCount: rows.length },
      select: { id: true },
    });
    return { ok: true as const, id: shortlistId, snapshotId: snapshot.id };
  });
}
