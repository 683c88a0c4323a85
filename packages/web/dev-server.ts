import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { RequestHandler } from 'express';
import { createServer } from 'vite';

/** Vite's dev server inside the API's HTTP server: one port, hot reload of the web client. */
export async function createWebDevServer(
  httpServer: Server,
): Promise<{ middleware: RequestHandler; close: () => Promise<void> }> {
  const vite = await createServer({
    root: fileURLToPath(new URL('.', import.meta.url)),
    configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)),
    appType: 'spa',
    server: { middlewareMode: true, hmr: { server: httpServer } },
  });
  return { middleware: vite.middlewares as unknown as RequestHandler, close: () => vite.close() };
}
