import { addEsgCriteria, addSampleCompanies, createAccount } from '@proximitat/api/testing';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, signInAs, usePlatform } from '../src/index.ts';

const EDITOR = { email: 'editora@coop.example', password: 'una contrasenya d’editora' };
const STAFF = { email: 'asg@barcelonactiva.example', password: 'una contrasenya de verificació' };

describe.runIf(browserAvailable())('ESG homologation in Chromium', () => {
  let slug: string;

  const platform = usePlatform({
    seed: async (api) => {
      await addEsgCriteria(api);
      await addSampleCompanies(api, 3, 'esg-e2e');
      const company = await api.db.company.findFirstOrThrow({ orderBy: { name: 'asc' } });
      slug = company.slug;
      const editor = await createAccount(api, { ...EDITOR, verified: false });
      await api.db.companyMembership.create({ data: { companyId: company.id, accountId: editor.id } });
      await createAccount(api, { ...STAFF, role: 'STAFF' });
    },
    timeout: 10_000,
  });

  it('an editor answers the questionnaire and staff verify it', async () => {
    const { api, page } = platform;
    await signInAs(page, EDITOR);
    await page.goto(`${api.url}/tauler/asg/${slug}`);
    await page.getByRole('heading', { level: 1, name: /^Autoavaluació ASG/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const criteria = page.locator('fieldset.esg-criterion');
    await criteria.first().waitFor();
    const count = await criteria.count();
    expect(count).toBe(9);
    // Leave the last one out: the form says which one is missing and nothing is stored.
    for (let i = 0; i < count - 1; i += 1) {
      const criterion = criteria.nth(i);
      await criterion.getByRole('radio', { name: '4 — del tot' }).check();
      await criterion.getByLabel(/^Enllaç a l'evidència/).fill(`https://coop.example/evidencia-${i}.pdf`);
    }
    await page.getByText(`${count - 1} de ${count} criteris responsos`).waitFor();
    await page.getByRole('button', { name: 'Envia per verificar' }).click();
    await page
      .getByText(
        'Respon el criteri «La diferència entre el salari més alt i el més baix és de com a màxim 1 a 5?».',
      )
      .waitFor();
    expect(await api.db.esgAssessment.count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    const last = criteria.nth(count - 1);
    await last.getByRole('radio', { name: '4 — del tot' }).check();
    await last.getByLabel(/^Enllaç a l'evidència/).fill('https://coop.example/evidencia-final.pdf');
    await page.getByRole('button', { name: 'Envia per verificar' }).click();
    await page.getByText('Autoavaluació enviada per verificar. Puntuació: 100/100.').waitFor();
    await page.getByRole('button', { name: 'Tanca la sessió' }).click();

    await signInAs(page, STAFF);
    await page.goto(`${api.url}/moderacio/asg`);
    const company = await api.db.company.findFirstOrThrow({ where: { slug } });
    await page.getByRole('heading', { level: 2, name: `${company.name} · 100/100` }).waitFor();
    await page.getByRole('link', { name: 'https://coop.example/evidencia-final.pdf' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^Verifica/ }).click();
    await page.getByText(`${company.name}: verificada per dos anys`).waitFor();
    await page.getByText('No hi ha cap autoavaluació pendent.').waitFor();

    await page.goto(`${api.url}/empreses/${slug}`);
    await page.getByText('Homologació ASG: 100/100').waitFor();
  });
});
