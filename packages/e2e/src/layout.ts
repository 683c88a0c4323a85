import type { TestApi } from '@proximitat/api/testing';
import type { Page } from 'playwright-core';

/** The widths the layout is checked at: a small phone (WCAG 1.4.10's 320 CSS px) and a desktop. */
export const WIDTHS = { phone: 320, desktop: 1280 } as const;

/** Sets the page's viewport to `width` CSS px (and a height that suits it). */
export async function setWidth(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: width < 800 ? 640 : 800 });
}

/** The loading message of every interface language (QueryState's status.loading). */
const LOADING = /Carregant|Cargando|Loading/;

/**
 * Waits until the page the router shows has settled: its main heading is there and nothing in main
 * says it is loading.
 */
export async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor({ timeout: 15_000 });
  await page.waitForFunction(
    (pattern) =>
      !Array.from(document.querySelectorAll('main [role="status"]')).some((node) =>
        new RegExp(pattern).test(node.textContent ?? ''),
      ),
    LOADING.source,
  );
}

/**
 * How far the page scrolls sideways: its scroll width against the viewport's, with the elements
 * sticking out past the right edge (tag, class, text) to say what makes it wider.
 */
export async function sidewaysOverflow(page: Page): Promise<{ scrollWidth: number; widest: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const widest: string[] = [];
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      const box = element.getBoundingClientRect();
      if (box.right > width + 1 && box.width > 0) {
        // Only the outermost element that sticks out, not each of its children.
        const parent = element.parentElement?.getBoundingClientRect();
        if (parent && parent.right > width + 1) continue;
        const name = `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ').join('.')}` : ''}`;
        widest.push(
          `${name} (${Math.round(box.right)} px) «${(element.textContent ?? '').trim().slice(0, 40)}»`,
        );
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, widest: widest.slice(0, 8) };
  });
}

/** Signs in over the API as a client would, for preparing data: the session's bearer token. */
export async function apiToken(api: TestApi, account: { email: string; password: string }): Promise<string> {
  const answer = await api.graphql<{ login: { token: string | null } }>(
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    account,
  );
  const token = answer.data?.login.token;
  if (!token) throw new Error(`could not sign in as ${account.email}: ${JSON.stringify(answer)}`);
  return token;
}

/** Sends an operation over the API as `token`'s account and returns its data, failing on any error. */
export async function apiCall<T>(
  api: TestApi,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const answer = await api.graphql<T>(query, variables, { token });
  if (answer.errors || !answer.data) throw new Error(`${query}: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}
