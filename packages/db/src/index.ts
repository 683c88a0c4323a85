export {
  type BackupSummary,
  backupDatabase,
  RestoreError,
  recreateDatabase,
  restoreDatabase,
} from './backup/backup.ts';
export { createDb, type Db, type DbOptions, openMigratedDb, poolSize, preparedQuery } from './client.ts';
export type { default as PrismaTypes } from './generated/pothos-types.ts';
export { getDatamodel } from './generated/pothos-types.ts';
export * from './generated/prisma/client.ts';
export {
  applyMigrations,
  createMigration,
  isEmptyChange,
  migrationsDir,
  pendingSchemaChange,
  readMigrationList,
} from './migrate/migrations.ts';
export { type ReferenceCounts, seedReferenceData } from './seed/reference.seed.ts';
