import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// `prisma generate` never runs the schema engine, but the CLI insists on finding or downloading one;
// pointing it at any existing file keeps it offline.
const result = spawnSync('prisma', ['generate'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: fileURLToPath(new URL('../package.json', import.meta.url)),
  },
});
process.exit(result.status ?? 1);
