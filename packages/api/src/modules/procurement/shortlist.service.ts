import type { Db } from '@proximitat/db';
import type { Viewer } from '../../context.ts';
import { ErrorCode, rejected, type ServiceResult, type UserError } from '../../errors.ts';
import { RATE_RULES } from '../../rate-limit/rate-limit.ts';
import { normaliseEmail } from '../account/password.ts';
import { isEmailAddress, isUuid } from '../common/ids.ts';
import { type RateRefusal, rateLimited } from '../common/rate-limited.ts';
import { userError } from '../common/user-error.schema.ts';
import { shortlistRows } from './shortlist-rows.ts';

/**
 * Shortlists of suppliers for a tender. The owner changes them; the colleagues they are shared
 * with and staff read them. Every change is checked here, whatever the caller's client shows.
 */
export const SHORTLIST_LIMITS = {
  name: 200,
  tenderReference: 100,
  description: 2000,
  note: 2000,
  entries: 1000,
  shares: 50,
} as const;

export type Access = 'OWNER' | 'READER';

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
): Promise<Access | null> {
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

const notOnList = () => userError(ErrorCode.NOT_FOUND, 'This company is not on the shortlist', 'companyId');

const notFound = (field = 'shortlistId') =>
  userError(ErrorCode.NOT_FOUND, 'No such shortlist (or it is not shared with you)', field);

/** The owner's right to change the list, as a userError when missing. */
async function ownerOnly(db: Db, shortlistId: string, viewer: Viewer): Promise<UserError | null> {
  const access = await shortlistAccess(db, shortlistId, viewer);
  if (access === null) return notFound();
  if (access === 'READER') {
    return userError(ErrorCode.FORBIDDEN, 'Only the owner of this shortlist can change it', 'shortlistId');
  }
  return null;
}

interface ShortlistDraft {
  name: string;
  tenderReference?: string | null;
  description?: string | null;
}

function cleanDraft(draft: ShortlistDraft, prefix: string) {
  const errors: UserError[] = [];
  const name = draft.name.trim();
  const tenderReference = draft.tenderReference?.trim() || null;
  const description = draft.description?.trim() || null;
  if (name === '') errors.push(userError(ErrorCode.VALIDATION, 'is required', `${prefix}.name`));
  if (name.length > SHORTLIST_LIMITS.name) {
    errors.push(
      userError(ErrorCode.VALIDATION, `at most ${SHORTLIST_LIMITS.name} characters`, `${prefix}.name`),
    );
  }
  if (tenderReference && tenderReference.length > SHORTLIST_LIMITS.tenderReference) {
    errors.push(
      userError(
        ErrorCode.VALIDATION,
        `at most ${SHORTLIST_LIMITS.tenderReference} characters`,
        `${prefix}.tenderReference`,
      ),
    );
  }
  if (description && description.length > SHORTLIST_LIMITS.description) {
    errors.push(
      userError(
        ErrorCode.VALIDATION,
        `at most ${SHORTLIST_LIMITS.description} characters`,
        `${prefix}.description`,
      ),
    );
  }
  return { errors, data: { name, tenderReference, description } };
}

function cleanNote(note: string | null | undefined): { note: string | null; error: UserError | null } {
  const text = note?.trim() || null;
  if (text && text.length > SHORTLIST_LIMITS.note) {
    return {
      note: null,
      error: userError(ErrorCode.VALIDATION, `at most ${SHORTLIST_LIMITS.note} characters`, 'note'),
    };
  }
  return { note: text, error: null };
}

export async function createShortlist(db: Db, viewer: Viewer, draft: ShortlistDraft): Promise<ServiceResult> {
  const { errors, data } = cleanDraft(draft, 'input');
  if (errors.length > 0) return rejected(...errors);
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
  draft: ShortlistDraft,
): Promise<ServiceResult> {
  const refused = await ownerOnly(db, shortlistId, viewer);
  if (refused) return rejected(refused);
  const { errors, data } = cleanDraft(draft, 'input');
  if (errors.length > 0) return rejected(...errors);
  await db.shortlist.update({ where: { id: shortlistId }, data });
  return { ok: true, id: shortlistId };
}

export async function deleteShortlist(db: Db, viewer: Viewer, shortlistId: string): Promise<ServiceResult> {
  const refused = await ownerOnly(db, shortlistId, viewer);
  if (refused) return rejected(refused);
  await db.shortlist.delete({ where: { id: shortlistId } });
  return { ok: true, id: shortlistId };
}

/** Adds a published company, or updates its note when it is already on the list. */
export async function addToShortlist(
  db: Db,
  viewer: Viewer,
  shortlistId: string,
  companyId: string,
  rawNote: string | null | undefined,
): Promise<ServiceResult> {
  const refused = await ownerOnly(db, shortlistId, viewer);
  if (refused) return rejected(refused);
  const company = isUuid(companyId)
    ? await db.company.findUnique({ where: { id: companyId }, select: { status: true } })
    : null;
  if (company?.status !== 'PUBLISHED') {
    return rejected(userError(ErrorCode.NOT_FOUND, 'No such company in the public directory', 'companyId'));
  }
  const { note, error } = cleanNote(rawNote);
  if (error) return rejected(error);
  return db.$transaction(async (tx) => {
    // One list's additions queue behind each other, so the cap holds under concurrent requests.
    await tx.$queryRaw`SELECT id FROM "Shortlist" WHERE id = ${shortlistId}::uuid FOR UPDATE`;
    const key = { shortlistId_companyId: { shortlistId, companyId } };
    const existing = await tx.shortlistEntry.findUnique({ where: key, select: { note: true } });
    if (existing) {
      if (rawNote !== undefined && rawNote !== null)
        await tx.shortlistEntry.update({ where: key, data: { note } });
    } else {
      const count = await tx.shortlistEntry.count({ where: { shortlistId } });
      if (count >= SHORTLIST_LIMITS.entries) {
        return rejected(
          userError(
            ErrorCode.LIMIT_EXCEEDED,
            `A shortlist holds at most ${SHORTLIST_LIMITS.entries} companies`,
            'companyId',
          ),
        );
      }
      await tx.shortlistEntry.create({ data: { shortlistId, companyId, note } });
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
  const removed = isUuid(companyId)
    ? await db.shortlistEntry.deleteMany({ where: { shortlistId, companyId } })
    : { count: 0 };
  if (removed.count === 0) {
    return rejected(notOnList());
  }
  await db.shortlist.update({ where: { id: shortlistId }, data: { updatedAt: new Date() } });
  return { ok: true, id: shortlistId };
}

export async function setShortlistNote(
  db: Db,
  viewer: Viewer,
  shortlistId: string,
  companyId: string,
  rawNote: string | null | undefined,
): Promise<ServiceResult> {
  const refused = await ownerOnly(db, shortlistId, viewer);
  if (refused) return rejected(refused);
  const { note, error } = cleanNote(rawNote);
  if (error) return rejected(error);
  const updated = isUuid(companyId)
    ? await db.shortlistEntry.updateMany({ where: { shortlistId, companyId }, data: { note } })
    : { count: 0 };
  if (updated.count === 0) {
    return rejected(notOnList());
  }
  return { ok: true, id: shortlistId };
}

/**
 * Read-only access for a colleague: another procurement officer (or staff), named by email. The
 * share names the address, whether or not an account has it, so neither the answer nor the list of
 * shares tells which addresses have accounts; the account with the address reads the list only while
 * it holds a procurement role.
 */
export async function shareShortlist(
  db: Db,
  viewer: Viewer,
  shortlistId: string,
  email: string,
): Promise<ServiceResult | RateRefusal> {
  const refused = await ownerOnly(db, shortlistId, viewer);
  if (refused) return rejected(refused);
  const address = normaliseEmail(email);
  if (!isEmailAddress(address)) {
    return rejected(userError(ErrorCode.VALIDATION, 'is not an email address', 'email'));
  }
  if (address === normaliseEmail(viewer.email)) {
    return rejected(userError(ErrorCode.VALIDATION, 'You own this shortlist already', 'email'));
  }
  const shares = await db.shortlistShare.count({ where: { shortlistId } });
  if (shares >= SHORTLIST_LIMITS.shares) {
    return rejected(
      userError(
        ErrorCode.LIMIT_EXCEEDED,
        `A shortlist is shared with at most ${SHORTLIST_LIMITS.shares} people`,
        'email',
      ),
    );
  }
  const limited = await rateLimited(
    db,
    [[RATE_RULES.shortlistSharePerAccount, viewer.id]],
    'email',
  );
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
    return rejected(userError(ErrorCode.NOT_FOUND, 'The shortlist is not shared with this address', 'email'));
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
    const rows: string[][] = [];
    for await (const batch of shortlistRows(tx as unknown as Db, shortlistId, publicUrl)) rows.push(...batch);
    const snapshot = await tx.shortlistSnapshot.create({
      data: { shortlistId, takenById: viewer.id, rows, entryCount: rows.length },
      select: { id: true },
    });
    return { ok: true as const, id: shortlistId, snapshotId: snapshot.id };
  });
}
