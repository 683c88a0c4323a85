/** A progress line for long commands: redrawn in place on a terminal, a line every few seconds otherwise. */
export interface Progress {
  tick(done: number): void;
  done(summary?: string): void;
}

/**
 * The rate so far, or nothing while too little time has passed for it to mean anything (the first
 * tick of a batch job comes before any time has passed); decimals when it is slow.
 */
export function formatRate(done: number, seconds: number): string {
  if (seconds < 1 || done <= 0) return '';
  const rate = done / seconds;
  return ` ${rate < 10 ? rate.toFixed(1) : Math.round(rate)}/s`;
}

export function createProgress(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
  /** When the work began (Date.now()), if before the progress line was made. */
  started = Date.now(),
): Progress {
  let last = 0;
  let shown = -1;
  const render = (done: number) => {
    const seconds = (Date.now() - started) / 1000;
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const width = 24;
    const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
    return `${label} [${bar}] ${done}/${total} ${Math.round(share * 100)}%${formatRate(done, seconds)} ${seconds.toFixed(1)}s`;
  };
  return {
    tick(done) {
      const now = Date.now();
      const interval = stream.isTTY ? 100 : 2000;
      if ((now - last < interval && done < total) || (done === total && shown === total)) return;
      last = now;
      shown = done;
      if (stream.isTTY) stream.write(`\r${render(done)}`);
      else stream.write(`${render(done)}\n`);
    },
    done(summary) {
      // Off a terminal, a last tick at the total already wrote the final line.
      if (stream.isTTY) stream.write(`\r${render(total)}\n`);
      else if (shown !== total) stream.write(`${render(total)}\n`);
      if (summary) stream.write(`${summary}\n`);
    },
  };
}
