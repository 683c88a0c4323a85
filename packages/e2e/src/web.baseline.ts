import type { CreateBaseline } from '@proximitat/api/bench/baseline-server';

/**
 * The Largest Contentful Paint baseline: a static page with the directory page's heading and a
 * paragraph, no script, served by node:http. What the browser needs to paint anything at all.
 */
const PAGE = `<!doctype html>
<html lang="ca"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Empreses</title></head>
<body><main><h1>Directori d'empreses de l'economia social i solidària</h1>
<p>Cooperatives, associacions, fundacions i altres entitats de Barcelona, amb el seu sector, districte i forma jurídica.</p></main></body></html>`;

export const createBaseline: CreateBaseline = async () => ({
  async handle() {
    return { status: 200, type: 'text/html; charset=utf-8', body: PAGE };
  },
  async close() {},
});
