import { startTestApi, type TestApi } from '@proximitat/api/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { LOCALES, type Locale, UI } from './texts.ts';

/** Where the web client keeps the language chosen in its menu. */
const LOCALE_KEY = 'proximitat.locale';

export interface PageOptions {
  /** The interface language, as if chosen in the language menu before (none: the default, Catalan). */
  locale?: Locale;
  /** How long the page waits for an element or a navigation (Playwright's default is 30 s). */
  timeout?: number;
  /** Whether the page may download files. */
  acceptDownloads?: boolean;
}

export interface PlatformOptions extends Omit<PageOptions, 'locale'> {
  /** Stores what the tests need before the browser starts (the fixtures of @proximitat/api/testing). */
  seed?: (api: TestApi) => Promise<void>;
}

export interface Platform {
  /** The API serving the built web client, on a database and search indexes of its own. */
  readonly api: TestApi;
  readonly browser: TestBrowser;
  /** A page in Catalan, shared by the tests of the block (`timeout` and `acceptDownloads` as asked). */
  readonly page: Page;
  /** A page of a fresh browser context (no session); the test closes it with `page.context().close()`. */
  newPage(options?: PageOptions): Promise<Page>;
}

/**
 * Starts the platform and Chromium for the tests of one `describe` block (in its `beforeAll`) and
 * closes both after them. The pages open at the API's address: `page.goto('/pla')` works.
 */
export function usePlatform(options: PlatformOptions = {}): Platform {
  let api: TestApi | undefined;
  let browser: TestBrowser | undefined;
  let page: Page | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the platform starts in beforeAll: use it inside a test');
    return value;
  };
  const platform: Platform = {
    get api() {
      return started(api);
    },
    get browser() {
      return started(browser);
    },
    get page() {
      return started(page);
    },
    async newPage({ locale, timeout, acceptDownloads }: PageOptions = {}) {
      const context = await started(browser).browser.newContext({
        baseURL: started(api).url,
        acceptDownloads,
      });
      if (locale) {
        await context.addInitScript(({ key, chosen }) => localStorage.setItem(key, chosen), {
          key: LOCALE_KEY,
          chosen: locale,
        });
      }
      const opened = await context.newPage();
      if (timeout) opened.setDefaultTimeout(timeout);
      return opened;
    },
  };
  beforeAll(async () => {
    api = await startTestApi();
    await options.seed?.(api);
    browser = await launchBrowser();
    page = await platform.newPage({ timeout: options.timeout, acceptDownloads: options.acceptDownloads });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });
  return platform;
}

/** The interface language the page shows now (its `<html lang>`). */
export async function pageLocale(page: Page): Promise<Locale> {
  const lang = (await page.evaluate(() => document.documentElement.lang)).toUpperCase();
  const locale = LOCALES.find((known) => known === lang);
  if (!locale) throw new Error(`the page's language is not an interface language: «${lang}»`);
  return locale;
}

/**
 * Signs in through the sign-in form, in whatever language the page shows, and waits until the
 * session is open (the sign-out button is there). The page stays where the form leads.
 */
export async function signInAs(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto('/entrar');
  await page.locator('#sign-in-email').fill(account.email);
  await page.locator('#sign-in-password').fill(account.password);
  const locale = await pageLocale(page);
  await page.locator('main form button[type="submit"]').click();
  // On a narrow screen the sign-out button sits in the collapsed menu: there, not necessarily visible.
  await page
    .getByRole('button', { name: UI.signOut[locale], includeHidden: true })
    .waitFor({ state: 'attached' });
}

/** Chooses the interface language in the language menu (found by its label) and waits for the page to change to it. */
export async function chooseLanguage(page: Page, locale: Locale): Promise<void> {
  const menu = await openMenu(page);
  await page.getByLabel(UI.language[await pageLocale(page)], { exact: true }).selectOption(locale);
  if (menu) await closeMenu(page);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, locale.toLowerCase());
}

/**
 * Opens the site's menu when the screen is narrow enough for it to be collapsed (its button is
 * shown); true when it opened it, false when the whole navigation is already on screen.
 */
export async function openMenu(page: Page): Promise<boolean> {
  const button = page.locator('header button[aria-controls]');
  if (!(await button.isVisible())) return false;
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await page.locator('header nav').waitFor();
  return true;
}

/** Closes the site's menu if it is open on a narrow screen. */
export async function closeMenu(page: Page): Promise<void> {
  const button = page.locator('header button[aria-controls]');
  if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) === 'true') {
    await button.click();
  }
}
