import type { Db, Prisma } from '@proximitat/db';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes: Record<string, { before: unknown; after: unknown }>;
}

/** Appends to the audit log, inside the caller's transaction so that the change and its record go together. */
export async function recordAudit(tx: Prisma.TransactionClient | Db, record: AuditRecord): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: record.actorId,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      changes: record.changes as Prisma.InputJsonValue,
    },
  });
}
