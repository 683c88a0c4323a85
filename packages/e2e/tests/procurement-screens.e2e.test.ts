import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { addSampleCompanies, createAccount, indexCompanies } from '@proximitat/api/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  apiCall,
  apiToken,
  browserAvailable,
  LOCALES,
  settled,
  setWidth,
  sidewaysOverflow,
  signInAs,
  usePlatform,
  WIDTHS,
} from '../src/index.ts';

const OFFICER = { email: 'llistes@ajuntament.example', password: 'una contrasenya de les llistes' };
const SCREENSHOTS = process.env.SCREENSHOTS_DIR;

/** A snapshot taken on 5 March 2026 at 10:00 UTC (11:00 in Barcelona), as each language writes it. */
const TAKEN_AT = new Date('2026-03-05T10:00:00Z');
const SNAPSHOT_TEXT = {
  CA: { date: /5 de març( de)? 2026.*11:00/, count: '(1 empresa)', updated: /^5 de març( de)? 2026$/ },
  ES: { date: /5 mar 2026.*11:00/, count: '(1 empresa)', updated: /^5 mar 2026$/ },
  EN: { date: /Mar 5, 2026.*11:00\s?AM/, count: '(1 company)', updated: /^Mar 5, 2026$/ },
} as const;

async function screenshot(page: Page, name: string) {
  if (!SCREENSHOTS) return;
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe.runIf(browserAvailable())('the shortlist screens in three languages, in Chromium', () => {
  let listId = '';
  const platform = usePlatform({
    seed: async (api) => {
      await addSampleCompanies(api, 10, 'shortlist-screens-e2e');
      await indexCompanies(api);
      await createAccount(api, { ...OFFICER, role: 'PROCUREMENT_OFFICER' });
      const token = await apiToken(api, OFFICER);
      const created = await apiCall<{ createShortlist: { shortlist: { id: string } } }>(
        api,
        token,
        'mutation ($input: ShortlistInput!) { createShortlist(input: $input) { shortlist { id } } }',
        {
          input: { name: 'Manteniment de parcs i jardins del districte 2026', tenderReference: '2026/0107' },
        },
      );
      listId = created.createShortlist.shortlist.id;
      const company = await api.db.company.findFirstOrThrow({
        where: { status: 'PUBLISHED' },
        orderBy: { name: 'asc' },
      });
      await apiCall(
        api,
        token,
        'mutation ($s: ID!, $c: ID!) { addToShortlist(shortlistId: $s, companyId: $c) { userErrors { code } } }',
        { s: listId, c: company.id },
      );
      const snapshot = await apiCall<{ snapshotShortlist: { snapshot: { id: string } } }>(
        api,
        token,
        'mutation ($s: ID!) { snapshotShortlist(shortlistId: $s) { snapshot { id } } }',
        { s: listId },
      );
      // A known moment, to read it as each language writes it.
      await api.db.shortlistSnapshot.update({
        where: { id: snapshot.snapshotShortlist.snapshot.id },
        data: { takenAt: TAKEN_AT },
      });
      await api.db.shortlist.update({ where: { id: listId }, data: { updatedAt: TAKEN_AT } });
    },
    timeout: 10_000,
  });

  for (const locale of LOCALES) {
    it(`shows shortlist dates and counts in ${locale}, and fits 320 and 1280 px`, async () => {
      const text = SNAPSHOT_TEXT[locale];
      const page = await platform.newPage({ locale, timeout: 10_000 });
      try {
        await signInAs(page, OFFICER);
        for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
          await setWidth(page, width);
          await page.goto('/llistes');
          await settled(page);
          const row = page.locator('tbody tr').filter({ hasText: 'Manteniment de parcs' });
          expect(await row.locator('td').nth(3).textContent()).toMatch(text.updated);
          expect((await sidewaysOverflow(page)).scrollWidth).toBeLessThanOrEqual(width);
          expect(await accessibilityViolations(page)).toEqual([]);
          await screenshot(page, `shortlists-${locale.toLowerCase()}-${width}`);

          await page.goto(`/llistes/${listId}`);
          await settled(page);
          const snapshot = page.locator('li').filter({ hasText: text.count });
          // Not always Catalan: the snapshot's date and time in the interface language.
          await expect
            .poll(async () => (await snapshot.textContent())?.replace(/[\u00a0\u202f]/g, ' '))
            .toMatch(text.date);
          const overflow = await sidewaysOverflow(page);
          expect(overflow.scrollWidth, overflow.widest.join('; ')).toBeLessThanOrEqual(width);
          expect(await accessibilityViolations(page)).toEqual([]);
          await screenshot(page, `shortlist-${locale.toLowerCase()}-${width}`);
        }
      } finally {
        await page.context().close();
      }
    });
  }
});
