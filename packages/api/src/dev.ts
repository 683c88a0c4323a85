import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { runCommand } from '@proximitat/runtime';

// The services are held here, so that the API restarting on every change does not restart them.
await runCommand(
  'dev',
  async ({ services, signal }) => {
    const child = spawn(
      'tsx',
      ['watch', '--clear-screen=false', fileURLToPath(new URL('./main.ts', import.meta.url))],
      {
        stdio: 'inherit',
        env: {
          ...process.env,
          DATABASE_URL: services.databaseUrl,
          MEILI_URL: services.meiliUrl,
          ...(services.meiliKey ? { MEILI_MASTER_KEY: services.meiliKey } : {}),
          WEB_DEV: '1',
        },
      },
    );
    signal.addEventListener('abort', () => child.kill('SIGTERM'));
    const [code] = (await once(child, 'exit')) as [number | null];
    return code ?? 0;
  },
  { keepAlive: true },
);
