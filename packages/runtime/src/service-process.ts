import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';

/** A server process this platform started and must stop. */
export interface ServiceProcess {
  readonly name: string;
  readonly pid: number;
  /** Resolves with the exit code (or signal) once the process has gone. */
  readonly exited: Promise<string>;
  isRunning(): boolean;
  /** The last lines it printed, for error messages. */
  output(): string;
  stop(signal: NodeJS.Signals, timeoutMs?: number): Promise<void>;
}

const OUTPUT_LINES = 40;

export function spawnService(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions & { onLine?: (line: string) => void } = {},
): ServiceProcess {
  // detached: a terminal's Ctrl-C reaches only the platform, which then stops the service in order.
  const child: ChildProcess = spawn(command, args, {
    ...options,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`${name} could not be started (${command})`);
  const pid = child.pid;
  const lines: string[] = [];
  let running = true;
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > OUTPUT_LINES) lines.shift();
      options.onLine?.(line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<string>((resolveExit) => {
    child.on('error', (error) => {
      running = false;
      lines.push(error.message);
      resolveExit(`error: ${error.message}`);
    });
    child.on('exit', (code, signal) => {
      running = false;
      resolveExit(signal ? `signal ${signal}` : `code ${code}`);
    });
  });
  return {
    name,
    pid,
    exited,
    isRunning: () => running,
    output: () => lines.join('\n'),
    async stop(signal, timeoutMs = 20_000) {
      if (!running) return;
      child.kill(signal);
      const timer = setTimeout(() => {
        if (running) child.kill('SIGKILL');
      }, timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  { timeoutMs, process: proc }: { timeoutMs: number; process?: ServiceProcess },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc && !proc.isRunning()) {
      throw new Error(`${what} stopped while starting (${await proc.exited}):\n${proc.output()}`);
    }
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not become ready within ${Math.round(timeoutMs / 1000)} s`);
}
