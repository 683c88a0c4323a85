import { addSampleCompanies, createAccount } from '@proximitat/api/testing';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, signInAs, usePlatform } from '../src/index.ts';

const EDITOR = { email: 'editora@coop.example', password: 'una contrasenya d’editora' };
const COLLEAGUE = { email: 'soci@coop.example', password: 'una contrasenya de soci' };

describe.runIf(browserAvailable())('editor invitations in Chromium', () => {
  let company: { id: string; name: string };

  const platform = usePlatform({
    seed: async (api) => {
      await addSampleCompanies(api, 2, 'invitations-e2e');
      company = await api.db.company.findFirstOrThrow({
        orderBy: { name: 'asc' },
        select: { id: true, name: true },
      });
      const editor = await createAccount(api, EDITOR);
      await api.db.companyMembership.create({ data: { companyId: company.id, accountId: editor.id } });
      await createAccount(api, COLLEAGUE);
    },
    timeout: 10_000,
  });

  it('an editor invites a colleague, who sees the invitation on the dashboard and accepts it', async () => {
    const { api, page } = platform;
    await signInAs(page, EDITOR);
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

    await signInAs(page, COLLEAGUE);
    await page.goto(`${api.url}/tauler`);
    await page.getByRole('heading', { level: 2, name: 'Invitacions per editar empreses' }).waitFor();
    await page.getByText("T'hi convida: editora@coop.example", { exact: false }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: `Accepta ${company.name}` }).click();
    await page.getByText('Ara edites aquesta empresa.').waitFor();
    await page.getByRole('link', { name: company.name }).waitFor();
    const membership = await api.db.companyMembership.findMany({ where: { companyId: company.id } });
    expect(membership).toHaveLength(2);
  });
});
