import { readFileSync } from 'node:fs';

// The launchers between a user's shell and this process: `pnpm start` runs node through pnpm,
// sh and tsx, and pnpm does not pass SIGTERM on to its children.
const LAUNCHERS = new Set(['node', 'sh', 'dash', 'bash', 'pnpm', 'npm', 'npx', 'tsx']);

// npx shows as "npm exec <package>" (cut to 15 characters).
const isLauncher = (comm: string) => LAUNCHERS.has(comm) || comm.startsWith('npm exec');

interface ProcInfo {
  comm: string;
  ppid: number;
  startTime: string;
}

function procInfo(pid: number): ProcInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may itself hold spaces or parentheses.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    return { comm, ppid: Number(fields[1]), startTime: fields[19] ?? '' };
  } catch {
    return undefined;
  }
}

/**
 * Calls `onGone` once any launcher process above this one has ended, so that stopping `pnpm start`
 * with SIGTERM stops the platform too. Linux only; elsewhere it watches nothing.
 */
export function watchLaunchers(onGone: () => void, intervalMs = 500): () => void {
  const watched: { pid: number; startTime: string }[] = [];
  let pid = process.ppid;
  for (let depth = 0; depth < 10 && pid > 1; depth++) {
    const info = procInfo(pid);
    if (!info || !isLauncher(info.comm)) break;
    watched.push({ pid, startTime: info.startTime });
    pid = info.ppid;
  }
  if (watched.length === 0) return () => undefined;
  const timer = setInterval(() => {
    const gone = watched.some(({ pid: ancestor, startTime }) => procInfo(ancestor)?.startTime !== startTime);
    if (gone) {
      clearInterval(timer);
      onGone();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
