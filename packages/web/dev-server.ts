import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { RequestHandler } from 'express';
import { createServer } from 'vite';
import config from './vite.config.ts';

/** Vite's dev server inside the API's HTTP server: one port, hot reload of the web client. */
export async function createWebDevServer(
  httpServer: Server,
): Promise<{ middleware: RequestHandler; close: () => Promise<void> }> {
  const vite = await createServer({
    ...config,
    // The config is imported, not loaded from its file: Vite's temporary bundle of it would make
    // the API's file watcher restart the API again and again.
    configFile: false,
    root: fileURLToPath(new URL('.', import.meta.url)),
    appType: 'spa',
    server: { middlewareMode: true, ws: { server: httpServer } },
  });
  return { middleware: vite.middlewares as unknown as RequestHandler, close: () => vite.close() };
}
