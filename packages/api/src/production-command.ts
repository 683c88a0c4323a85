import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * How `pnpm start` runs the server, read from its script in packages/api/package.json: node's
 * flags and the built entry point. Tests and benchmarks start the API with it, so they exercise
 * and measure what production runs, with the same memory settings.
 */
export function productionCommand(): { nodeArgs: string[]; entry: string } {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [program, ...args] = manifest.scripts.start.trim().split(/\s+/);
  const entry = args.at(-1);
  if (program !== 'node' || !entry?.endsWith('.js'))
    throw new Error(
      `packages/api's start script is not "node [flags] <entry>.js": ${manifest.scripts.start}`,
    );
  const path = join(packageDir, entry);
  if (!existsSync(path)) throw new Error(`${path} is missing: run pnpm build first`);
  return { nodeArgs: args.slice(0, -1), entry: path };
}

/**
 * Node's flags for the migration and seeding child of `pnpm start`: the server's own, without its
 * heap cap, which is sized for serving (seeding 100,000 sample companies needs more, and the
 * memory goes back to the system when the child exits).
 */
export function seedNodeArgs(serverArgs: readonly string[]): string[] {
  return serverArgs.filter((arg) => !/^--max[-_]old[-_]space[-_]size=/.test(arg));
}
