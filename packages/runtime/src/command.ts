import { watchLaunchers } from './ancestors.ts';
import { type Env, EnvError, readEnv } from './env.ts';
import { createLogger, type Logger } from './logger.ts';
import { acquireServices, type Services } from './services.ts';

export interface CommandContext {
  env: Env;
  log: Logger;
  services: Services;
  /** Set once SIGINT or SIGTERM arrived: long loops should stop early. */
  signal: AbortSignal;
}

/** An error whose message is the whole story: printed as one line, no stack trace. */
export class CommandError extends Error {
  override name = 'CommandError';
}

const EXPECTED_CODES = new Set(['EADDRINUSE', 'ECONNREFUSED', 'EACCES', 'ENOENT', 'ERR_MODULE_NOT_FOUND']);

export function describeFailure(error: unknown): string {
  if (error instanceof CommandError || error instanceof EnvError) return error.message;
  const err = error as NodeJS.ErrnoException & { port?: number; address?: string };
  if (err?.code === 'EADDRINUSE') return `port ${err.port ?? ''} is already in use: set PORT to a free port`;
  if (err?.code === 'ERR_MODULE_NOT_FOUND')
    return `a dependency is missing (${err.message}): run pnpm install`;
  if (err?.code && EXPECTED_CODES.has(err.code)) return err.message;
  if (!(err instanceof Error)) return String(error);
  // Library messages (Prisma's among them) can span many lines; the last one says what went wrong.
  const lines = err.message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.at(-1) ?? err.name;
}

/**
 * Runs a command-line tool of the project with the platform's services, and stops what it started
 * however it ends: success, failure, Ctrl-C or SIGTERM.
 */
export async function runCommand(
  name: string,
  main: (context: CommandContext) => Promise<unknown>,
  options: {
    needsServices?: boolean;
    /** The command stops itself on SIGINT/SIGTERM (a server draining its requests). */
    keepAlive?: boolean;
    /** Checks that need no services, run before any is started. */
    preflight?: (env: Env) => Promise<void>;
  } = {},
): Promise<void> {
  let env: Env;
  try {
    env = readEnv();
  } catch (error) {
    console.error(`${name}: ${describeFailure(error)}`);
    process.exit(2);
  }
  const log = createLogger(env.logLevel, name);
  const controller = new AbortController();
  let services: Services | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await services?.release().catch((error) => console.error(`${name}: ${describeFailure(error)}`));
    process.exit(code);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) return;
    controller.abort(new CommandError(`stopped by ${signal}`));
    log.info({ signal }, 'stopping');
    // A command that has no shutdown of its own stops here; servers handle the abort themselves.
    if (!options.keepAlive) void stop(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  watchLaunchers(() => onSignal('SIGTERM'));
  try {
    await options.preflight?.(env);
    if (options.needsServices !== false) services = await acquireServices(env, log);
    if (controller.signal.aborted) return await stop(130);
    const code = await main({
      env,
      log,
      services: services as Services,
      signal: controller.signal,
    });
    await stop(typeof code === 'number' ? code : 0);
  } catch (error) {
    console.error(`${name}: ${describeFailure(error)}`);
    if (env.logLevel === 'debug' || env.logLevel === 'trace') console.error(error);
    await stop(1);
  }
}
