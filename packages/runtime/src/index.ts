export { type CommandContext, CommandError, describeFailure, runCommand } from './command.ts';
export {
  type EmbeddedMeilisearch,
  isMeilisearchHealthy,
  startEmbeddedMeilisearch,
} from './embedded-meilisearch.ts';
export { canConnect, type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres.ts';
export { type Env, EnvError, readEnv, repoRoot } from './env.ts';
export { createLogger, type Logger, redactUrl } from './logger.ts';
export { freePort, isPortTaken } from './ports.ts';
export { createProgress, type Progress } from './progress.ts';
export { acquireServices, EMBEDDED_DATABASE, ensureDatabase, type Services } from './services.ts';
