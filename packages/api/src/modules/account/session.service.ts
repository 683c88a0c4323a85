import { createHash, randomBytes } from 'node:crypto';
import type { Db, Locale, Prisma, Role } from '@proximitat/db';
import type { Viewer } from '../../context.ts';

export const SESSION_COOKIE = 'proximitat_session';
export const SESSION_DAYS = 30;
const TOUCH_EVERY_MS = 5 * 60 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The Viewer of an account: roles above USER count only once the email is verified. */
export function viewerOf(account: {
  id: string;
  email: string;
  role: Role;
  emailVerifiedAt: Date | null;
  locale: Locale;
}): Viewer {
  const emailVerified = account.emailVerifiedAt !== null;
  return {
    id: account.id,
    email: account.email,
    role: emailVerified ? account.role : 'USER',
    emailVerified,
    locale: account.locale,
  };
}

/** A new session of the account; `address` is the client's, remembered for the sign-in throttle. */
export async function createSession(
  db: Db,
  accountId: string,
  address?: string,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000);
  await db.session.create({
    data: { tokenHash: hashToken(token), accountId, expiresAt, address: address ?? null },
  });
  return { token, expiresAt };
}

/** The account behind a session token, when the session is live. */
export async function viewerForToken(db: Db, token: string | undefined): Promise<Viewer | null> {
  if (!token || token.length > 100) return null;
  const session = await db.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: {
      account: { select: { id: true, email: true, role: true, emailVerifiedAt: true, locale: true } },
    },
  });
  if (!session || session.revokedAt || session.expiresAt <= new Date()) return null;
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date() } });
  }
  return viewerOf(session.account);
}

export async function revokeSession(db: Db, token: string): Promise<boolean> {
  const { count } = await db.session.updateMany({
    where: { tokenHash: hashToken(token), revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count > 0;
}

/** Ends every live session of the account but the one whose token is given (the caller's own). */
export async function revokeSessions(
  tx: Prisma.TransactionClient | Db,
  accountId: string,
  except?: string,
): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { accountId, revokedAt: null, ...(except ? { tokenHash: { not: hashToken(except) } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}
