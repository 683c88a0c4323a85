import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * How `pnpm start` runs the server, read from its script in packages/api/package.json: node's
 * flags and the built entry point. Tests and benchmarks start the API with it, so they exercise
 * and measure what production runs, with the same memory settings.
 */
export function productionCommand(): { nodeArgs: string[]; entry: string } {
  const manifest = JSON.parse(readFileSync(`${packageDir}/package.json`, 'utf8')) as {
    scripts: { start: string };
  };
  const [program, ...args] = manifest.scripts.start.trim().split(/\s+/);
  const entry = args.at(-1);
  if (program !== 'node' || !entry?.endsWith('.js'))
    throw new Error(
      `packages/api's start script is not "node [flags] <entry>.js": ${manifest.scripts.start}`,
    );
  const path = `${packageDir}/${entry}`;
  if (!existsSync(path)) throw new Error(`${path} is missing: run pnpm build first`);
  return { nodeArgs: args.slice(0, -1), entry: path };
}
