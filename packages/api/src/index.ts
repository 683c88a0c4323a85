export type { AppServices, Context, Viewer } from './context.ts';
export { schema } from './schema.ts';
export { seedAll } from './seed.ts';
export { type App, type CreateAppOptions, createApp } from './server.ts';
