/** A progress line for long commands: redrawn in place on a terminal, a line every few seconds otherwise. */
export interface Progress {
  tick(done: number): void;
  done(summary?: string): void;
}

export function createProgress(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  const started = Date.now();
  let last = 0;
  const render = (done: number) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const width = 24;
    const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
    return `${label} [${bar}] ${done}/${total} ${Math.round(share * 100)}% ${rate}/s ${seconds.toFixed(1)}s`;
  };
  return {
    tick(done) {
      const now = Date.now();
      const interval = stream.isTTY ? 100 : 2000;
      if (now - last < interval && done < total) return;
      last = now;
      if (stream.isTTY) stream.write(`\r${render(done)}`);
      else stream.write(`${render(done)}\n`);
    },
    done(summary) {
      stream.write(`${stream.isTTY ? '\r' : ''}${render(total)}\n`);
      if (summary) stream.write(`${summary}\n`);
    },
  };
}
