import { createServer } from 'node:http';
import { isAbsolute, join } from 'node:path';
import { repoRoot } from '@proximitat/runtime';

/**
 * The process that serves a baseline: `node --import tsx baseline-server.ts <module>`, where the
 * module (a path from the repository root) exports `createBaseline`. It reads its settings from the
 * environment, answers on a free loopback port and prints that port.
 */
export interface BaselineAnswer {
  status: number;
  type?: string;
  body: string | Buffer;
}

export interface Baseline {
  handle(url: URL, body: string): Promise<BaselineAnswer>;
  close(): Promise<void>;
}

export type CreateBaseline = (env: NodeJS.ProcessEnv) => Promise<Baseline>;

const modulePath = process.argv[2];
if (!modulePath) throw new Error('usage: baseline-server.ts <module>');
const { createBaseline } = (await import(
  isAbsolute(modulePath) ? modulePath : join(repoRoot, modulePath)
)) as {
  createBaseline: CreateBaseline;
};
const baseline = await createBaseline(process.env);
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    baseline.handle(url, Buffer.concat(chunks).toString()).then(
      (answer) => {
        res.writeHead(answer.status, { 'content-type': answer.type ?? 'application/json' });
        res.end(answer.body);
      },
      (error: Error) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(error.message);
      },
    );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`baseline listening at http://127.0.0.1:${port}`);
});
const stop = () => {
  server.close();
  server.closeAllConnections();
  void baseline.close().finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
