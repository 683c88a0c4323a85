export { acquireServices, EMBEDDED_DATABASE, ensureDatabase, type Services } from './services.ts';
export { type Env, EnvError, readEnv, repoRoot } from './env.ts';
export { createLogger, type Logger, redactUrl } from './logger.ts';
export { freePort, isPortTaken } from './ports.ts';
export { startEmbeddedPostgres, canConnect, type EmbeddedPostgres } from './embedded-postgres.ts';
export { startEmbeddedMeilisearch, isMeilisearchHealthy, type EmbeddedMeilisearch } from './embedded-meilisearch.ts';
export { CommandError, type CommandContext, describeFailure, runCommand } from './command.ts';
export { createProgress, type Progress } from './progress.ts';
