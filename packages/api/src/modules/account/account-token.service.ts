import { createHash, randomBytes } from 'node:crypto';
import type { Db, Prisma, TokenPurpose } from '@proximitat/db';

/** How long each kind of token lives. */
export const TOKEN_TTL_MINUTES: Record<TokenPurpose, number> = { VERIFY_EMAIL: 48 * 60, RESET_PASSWORD: 60 };

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new single-use token for the account; only its hash is stored. Earlier unused ones of the same purpose stop working. */
export async function issueToken(
  tx: Prisma.TransactionClient | Db,
  accountId: string,
  purpose: TokenPurpose,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.accountToken.updateMany({
    where: { accountId, purpose, usedAt: null },
    data: { usedAt: new Date() },
  });
  await tx.accountToken.create({
    data: {
      accountId,
      purpose,
      tokenHash: hashOf(token),
      expiresAt: new Date(Date.now() + TOKEN_TTL_MINUTES[purpose] * 60_000),
    },
  });
  return token;
}

/** Uses a token once: the account it belongs to, or null when it is unknown, used or expired. */
export async function consumeToken(
  tx: Prisma.TransactionClient | Db,
  token: string,
  purpose: TokenPurpose,
): Promise<string | null> {
  const rows = await tx.$queryRawUnsafe<{ accountId: string }[]>(
    `UPDATE "AccountToken" SET "usedAt" = now()
     WHERE "tokenHash" = $1 AND purpose = $2::"TokenPurpose" AND "usedAt" IS NULL AND "expiresAt" > now()
     RETURNING "accountId"::text`,
    hashOf(token),
    purpose,
  );
  return rows[0]?.accountId ?? null;
}
