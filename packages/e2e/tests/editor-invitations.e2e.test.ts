import { addSampleCompanies, createAccount, startTestApi, type TestApi } from '@proximitat/api/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, launchBrowser, type TestBrowser } from '../src/index.ts';

describe.runIf(browserAvailable())('editor invitations in Chromium', () => {
  let api: TestApi;
  let browser: TestBrowser;
  let page: Page;
  let company: { id: string; name: string };

  const signIn = async (email: string, password: string) => {
    await page.goto(`${api.url}/entrar`);
    await page.getByLabel('Adreça electrònica').fill(email);
    await page.getByLabel('Contrasenya').fill(password);
    await page.getByRole('button', { name: 'Entra' }).click();
    await page.getByRole('button', { name: 'Tanca la sessió' }).waitFor();
  };

  beforeAll(async () => {
    api = await startTestApi();
    await addSampleCompanies(api, 2, 'invitations-e2e');
    company = await api.db.company.findFirstOrThrow({
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    });
    const editor = await createAccount(api, {
      email: 'editora@coop.example',
      password: 'una contrasenya d’editora',
    });
    await api.db.companyMembership.create({ data: { companyId: company.id, accountId: editor.id } });
    await createAccount(api, { email: 'soci@coop.example', password: 'una contrasenya de soci' });
    browser = await launchBrowser();
    page = await (await browser.browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('an editor invites a colleague, who sees the invitation on the dashboard and accepts it', async () => {
    await signIn('editora@coop.example', 'una contrasenya d’editora');
    await page.goto(`${api.url}/tauler`);
    await page
      .getByRole('button', { name: `Edita la fitxa i les persones editores ${company.name}` })
      .click();
    await page
      .getByLabel('Convida una persona editora (la seva adreça electrònica)')
      .fill('Soci@coop.example');
    await page.getByRole('button', { name: 'Convida', exact: true }).click();
    await page.getByText('Invitació enviada.', { exact: false }).waitFor();
    await page.getByText("Invitacions pendents d'acceptar").waitFor();
    await page.getByRole('button', { name: 'Retira la invitació Soci@coop.example' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await api.db.mailOutbox.count()).toBe(0);
    await page.getByRole('button', { name: 'Tanca la sessió' }).click();

    await signIn('soci@coop.example', 'una contrasenya de soci');
    await page.goto(`${api.url}/tauler`);
    await page.getByRole('heading', { level: 2, name: 'Invitacions per editar empreses' }).waitFor();
    await page.getByText('Us hi convida: editora@coop.example', { exact: false }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: `Accepta ${company.name}` }).click();
    await page.getByText('Ara editeu aquesta empresa.').waitFor();
    await page.getByRole('link', { name: company.name }).waitFor();
    const membership = await api.db.companyMembership.findMany({ where: { companyId: company.id } });
    expect(membership).toHaveLength(2);
  });
});
