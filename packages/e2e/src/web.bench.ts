import { spawnSync } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Scenario } from '@proximitat/api/bench';
import { startBaseline } from '@proximitat/api/bench/processes';
import { median } from '@proximitat/api/bench/stats';
import { repoRoot } from '@proximitat/runtime';
import { launchBrowser } from './browser.ts';

const WEB = join(repoRoot, 'packages/web');
const DIST = join(WEB, 'dist');

async function newest(dir: string): Promise<number> {
  let latest = 0;
  for (const entry of await readdir(dir, { recursive: true })) {
    const info = await stat(join(dir, String(entry)));
    if (info.isFile()) latest = Math.max(latest, info.mtimeMs);
  }
  return latest;
}

/** Builds the client when its sources are newer than the build, so the figures are of this code. */
async function ensureBuilt(): Promise<void> {
  const built = await stat(join(DIST, 'index.html')).then(
    (info) => info.mtimeMs,
    () => 0,
  );
  if (built > (await newest(join(WEB, 'src')))) return;
  const vite = join(WEB, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build'], {
    cwd: WEB,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error('the web client does not build (pnpm build)');
}

/** The JavaScript the browser must load before the first page renders: the entry and what it preloads. */
async function initialJavaScript(): Promise<{ files: string[]; gzipBytes: number }> {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((match) => match[1] as string);
  let gzipBytes = 0;
  for (const file of files) gzipBytes += gzipSync(await readFile(join(DIST, file))).length;
  return { files, gzipBytes };
}

/** Largest Contentful Paint of a cold load (new browser context, empty cache), in milliseconds. */
async function lcp(
  browser: Awaited<ReturnType<typeof launchBrowser>>['browser'],
  url: string,
): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'networkidle' });
    return await page.evaluate(
      () =>
        new Promise<number>((resolveLcp) => {
          new PerformanceObserver((list) => {
            const entries = list.getEntries();
            resolveLcp(entries[entries.length - 1]?.startTime ?? Number.NaN);
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        }),
    );
  } finally {
    await context.close();
  }
}

export const scenarios: Scenario[] = [
  {
    name: 'web',
    summary:
      "The web client's production build: initial JavaScript (gzip) against its 150 KB budget, and the directory page's Largest Contentful Paint in headless Chromium on localhost, cold, against a static page with the same heading",
    async run(context) {
      await context.step('building the web client if its sources changed', ensureBuilt);
      const { files, gzipBytes } = await initialJavaScript();
      context.figure({
        key: 'initial js',
        label: `initial JavaScript, gzip (${files.length} file${files.length === 1 ? '' : 's'})`,
        value: gzipBytes / 1024,
        unit: 'KB',
        goal: { kind: 'at-most', value: 150 },
      });
      const platform = await context.platform();
      const staticPage = await startBaseline('packages/e2e/src/web.baseline.ts', {});
      const browser = await launchBrowser();
      try {
        const runs = context.quick ? 2 : 9;
        const directory: number[] = [];
        const baseline: number[] = [];
        await context.step(`${runs} cold loads of /empreses and of the static page`, async () => {
          // A first load of each warms the servers, not the browser (each load has a new context).
          await lcp(browser.browser, `${platform.api.origin}/empreses`);
          await lcp(browser.browser, staticPage.origin);
          for (let run = 0; run < runs; run += 1) {
            directory.push(await lcp(browser.browser, `${platform.api.origin}/empreses`));
            baseline.push(await lcp(browser.browser, staticPage.origin));
            context.progress(run + 1, runs);
          }
        });
        context.figure({
          key: 'lcp',
          label: 'directory page (/empreses) Largest Contentful Paint, median',
          value: median(directory),
          unit: 'ms',
          baseline: { label: 'static page', value: median(baseline) },
          goal: { kind: 'at-most', value: 1200 },
        });
        context.figure({
          key: 'lcp worst',
          label: 'directory page Largest Contentful Paint, worst of the runs',
          value: Math.max(...directory),
          unit: 'ms',
          baseline: { label: 'static page', value: Math.max(...baseline) },
        });
      } finally {
        await browser.close();
        await staticPage.stop();
      }
    },
  },
];
