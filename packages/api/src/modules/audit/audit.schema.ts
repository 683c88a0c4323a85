import { builder } from '../../builder.ts';

builder.prismaObject('AuditEntry', {
  description: 'One change: who, when, what. Staff only.',
  fields: (t) => ({
    id: t.id({ resolve: (entry) => String(entry.id) }),
    at: t.expose('at', { type: 'DateTime' }),
    actor: t.relation('actor', { nullable: true }),
    action: t.exposeString('action'),
    entityType: t.exposeString('entityType'),
    entityId: t.exposeString('entityId'),
    changes: t.string({
      description: 'JSON: { field: { before, after } }.',
      resolve: (entry) => JSON.stringify(entry.changes),
    }),
  }),
});

builder.queryField('auditLog', (t) =>
  t.prismaConnection({
    type: 'AuditEntry',
    cursor: 'id',
    authScopes: { staff: true },
    description: 'The audit log, newest first; staff only.',
    args: {
      entityType: t.arg.string(),
      entityId: t.arg.string(),
    },
    totalCount: (_parent, { entityType, entityId }, { db }) =>
      db.auditEntry.count({
        where: { ...(entityType ? { entityType } : {}), ...(entityId ? { entityId } : {}) },
      }),
    resolve: (query, _root, { entityType, entityId }, { db }) =>
      db.auditEntry.findMany({
        ...query,
        where: { ...(entityType ? { entityType } : {}), ...(entityId ? { entityId } : {}) },
        orderBy: { id: 'desc' },
      }),
  }),
);
