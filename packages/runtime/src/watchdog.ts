import { spawn } from 'node:child_process';

/**
 * A detached guard that outlives a platform process killed with SIGKILL: once no process listed in
 * `clientsDir` is alive, it stops the services recorded in `stateFile`, so no orphan server is left.
 * It is plain JavaScript run with `node -e` because it must not depend on the TypeScript loader.
 */
const WATCHDOG_SOURCE = `
const fs = require('node:fs');
const path = require('node:path');
const [stateFile, clientsDir, lockFile] = process.argv.slice(1);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const liveClients = () => {
  let names = [];
  try { names = fs.readdirSync(clientsDir); } catch { return 0; }
  let count = 0;
  for (const name of names) {
    if (alive(Number(name))) count++; else fs.rmSync(path.join(clientsDir, name), { force: true });
  }
  return count;
};
const lock = () => {
  try { fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' }); return true; } catch { 
    try { const owner = Number(fs.readFileSync(lockFile, 'utf8')); if (!alive(owner)) fs.rmSync(lockFile, { force: true }); } catch {}
    return false;
  }
};
(async () => {
  let idle = 0;
  for (;;) {
    await sleep(1000);
    idle = liveClients() === 0 ? idle + 1 : 0;
    if (idle < 2 || !lock()) continue;
    if (liveClients() > 0) { fs.rmSync(lockFile, { force: true }); idle = 0; continue; }
    let state = {};
    try { state = JSON.parse(fs.readFileSync(stateFile, 'utf8')); } catch {}
    const pids = [];
    if (state.postgres && alive(state.postgres.pid)) { process.kill(state.postgres.pid, 'SIGINT'); pids.push(state.postgres.pid); }
    if (state.meilisearch && alive(state.meilisearch.pid)) { process.kill(state.meilisearch.pid, 'SIGTERM'); pids.push(state.meilisearch.pid); }
    const deadline = Date.now() + 20000;
    while (pids.some(alive) && Date.now() < deadline) await sleep(100);
    for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
    fs.rmSync(stateFile, { force: true });
    fs.rmSync(lockFile, { force: true });
    process.exit(0);
  }
})();
`;

export function spawnWatchdog(stateFile: string, clientsDir: string, lockFile: string): number {
  const child = spawn(process.execPath, ['-e', WATCHDOG_SOURCE, stateFile, clientsDir, lockFile], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  if (child.pid === undefined) throw new Error('could not start the service watchdog');
  return child.pid;
}
