import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { isAbsolute, join } from 'node:path';
import { repoRoot } from '@proximitat/runtime';
import { productionCommand } from '../production-command.ts';

/** One of the project's scripts running as a real process, with everything it printed so far. */
export interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Starts a script (a path from the repository root; TypeScript under tsx) with only the given
 * environment. `viaShell` puts sh in between, as pnpm does, to test what reaches the process
 * through it.
 */
export function startScript(
  script: string,
  args: string[],
  env: Record<string, string>,
  options: { viaShell?: boolean; nodeArgs?: string[] } = {},
): Started {
  const command = [
    process.execPath,
    ...(options.nodeArgs ?? []),
    ...(script.endsWith('.ts') ? ['--import', 'tsx'] : []),
    isAbsolute(script) ? script : join(repoRoot, script),
    ...args,
  ];
  // Through sh with a compound command, so that sh stays in between instead of exec-ing node.
  const [file, ...argv] = options.viaShell
    ? ['sh', '-c', `${command.map((part) => `"${part}"`).join(' ')}; exit $?`]
    : command;
  const child = spawn(file as string, argv, {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, output: () => text, exited };
}

/** The API as `pnpm start` runs it: the production build, with its node flags. */
export function startProductionApi(
  env: Record<string, string>,
  options: { viaShell?: boolean } = {},
): Started {
  const { nodeArgs, entry } = productionCommand();
  return startScript(entry, [], env, { ...options, nodeArgs });
}

/** Waits until the process has printed something matching; fails if it exits or takes too long. */
export async function waitForOutput(started: Started, pattern: RegExp, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(started.output())) {
    if (started.child.exitCode !== null) throw new Error(`exited early:\n${started.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
