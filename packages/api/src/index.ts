export { createApp, type App, type CreateAppOptions } from './server.ts';
export { schema } from './schema.ts';
export { seedAll } from './seed.ts';
export type { AppServices, Context, Viewer } from './context.ts';
