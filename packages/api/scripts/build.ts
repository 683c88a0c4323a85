import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

/**
 * The production server as plain JavaScript (`dist/main.js`), so `pnpm start` runs no TypeScript
 * compiler (tsx cost the server about 45 MB of memory). Only the workspace's own sources are
 * bundled: packages from node_modules are imported from where pnpm installed them, and every
 * source file keeps its own import.meta.url, so what it finds relative to itself (data files,
 * migrations, packages looked up with createRequire) is found as when it runs from source.
 */

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const outdir = fileURLToPath(new URL('../dist', import.meta.url));

const installedPackages: Plugin = {
  name: 'installed-packages',
  setup(setup) {
    setup.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('node:') || args.pluginData === 'resolving') return undefined;
      if (args.path.startsWith('@proximitat/')) return undefined;
      // Resolved from the importing file, as Node would from source: pnpm links each package's
      // dependencies beside that package only.
      const resolved = await setup.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: 'resolving',
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: resolved.path, external: true };
    });
  },
};

const ownImportMetaUrl: Plugin = {
  name: 'own-import-meta-url',
  setup(setup) {
    setup.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const source = await readFile(args.path, 'utf8');
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts',
      };
    });
  },
};

const started = performance.now();
await rm(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: packageDir,
  entryPoints: { main: 'src/main.ts', 'seed-command': 'src/seed-command.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  plugins: [installedPackages, ownImportMetaUrl],
});
const bytes = Object.entries(result.metafile.outputs)
  .filter(([file]) => file.endsWith('.js'))
  .reduce((sum, [, output]) => sum + output.bytes, 0);
console.log(
  `api: dist/main.js, dist/seed-command.js and their chunks, ${(bytes / 1024).toFixed(0)} KB, in ${Math.round(performance.now() - started)} ms`,
);
