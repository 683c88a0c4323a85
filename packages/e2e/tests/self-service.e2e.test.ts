import { createAccount, indexCompanies } from '@proximitat/api/testing';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, signInAs, usePlatform } from '../src/index.ts';

const STAFF = { email: 'moderacio@barcelonactiva.example', password: 'una contrasenya de moderació' };

// A valid CIF of a cooperative (F) for the profile: its check character is 7.
const TAX_ID = 'F08123457';

describe.runIf(browserAvailable())('company self-service in Chromium', { timeout: 60_000 }, () => {
  const platform = usePlatform({
    seed: async (api) => {
      await indexCompanies(api);
      await createAccount(api, { ...STAFF, role: 'STAFF' });
    },
  });

  it('a company signs up and proposes its profile', async () => {
    const { api, page } = platform;
    await page.goto(`${api.url}/registre`);
    await page.getByRole('heading', { level: 1, name: 'Crea un compte' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Adreça electrònica').fill('hola@cuinacomunitaria.example');
    await page.getByLabel('Contrasenya').fill('curta');
    await page.getByRole('button', { name: 'Crea el compte' }).click();
    await page.getByText('Ha de tenir com a mínim 12 caràcters.', { exact: true }).waitFor();
    expect(await page.getByLabel('Contrasenya').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Contrasenya').fill('cuinem juntes al barri');
    await page.getByRole('button', { name: 'Crea el compte' }).click();
    await page.getByRole('heading', { level: 1, name: 'El meu tauler' }).waitFor();

    await page.getByRole('button', { name: "Dona d'alta una empresa" }).click();
    await page.getByLabel("Nom de l'empresa").fill('Cuina Comunitària del Raval');
    await page.getByLabel('NIF').fill('F-0812345-6');
    await page.getByLabel('Forma jurídica').selectOption('COOP_TREBALL');
    await page.getByRole('checkbox', { name: 'Restauració i càtering' }).check();
    await page.getByLabel('Codis CPV (separats per comes)').fill('55520000-1');
    await page.getByLabel('Descripció en català').fill('Càtering ecològic per a escoles del barri.');
    await page.getByLabel('Adreça', { exact: true }).fill("Carrer de l'Hospital, 20");
    await page.getByLabel('Codi postal').fill('08001');
    await page.getByLabel('Barri').selectOption('01');
    await page.getByRole('button', { name: 'Envia per revisar' }).click();
    // The tax ID's check character is wrong: the field says so and nothing is created.
    await page.getByText('El caràcter de control de', { exact: false }).waitFor();
    expect(await api.db.company.count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('NIF').fill(TAX_ID);
    await page.getByRole('button', { name: 'Envia per revisar' }).click();
    await page
      .getByText("Fitxa enviada: l'equip de Barcelona Activa la revisarà", { exact: false })
      .waitFor();
    await page.getByText('pendent de revisió').first().waitFor();
    await page.getByRole('button', { name: 'Tanca la sessió' }).click();
  });

  it('staff approve it in the moderation screen and it appears in the public directory', async () => {
    const { api, page } = platform;
    await signInAs(page, STAFF);
    await page.getByRole('link', { name: 'Moderació' }).click();
    await page.getByRole('heading', { level: 2, name: 'Cuina Comunitària del Raval · Alta' }).waitFor();
    const diff = page.getByRole('table', { name: 'Canvis proposats' });
    expect(
      await diff
        .getByRole('row', { name: /^Nom de l'empresa/ })
        .getByRole('cell')
        .nth(1)
        .textContent(),
    ).toBe('Cuina Comunitària del Raval');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Aprova Cuina Comunitària del Raval' }).click();
    await page.getByText('Cuina Comunitària del Raval: aprovada').waitFor();
    await page.getByRole('button', { name: 'Tanca la sessió' }).click();

    await indexCompanies(api);
    await page.goto(`${api.url}/cerca?q=cuina+comunitaria`);
    await page.getByRole('link', { name: 'Cuina Comunitària del Raval' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cuina Comunitària del Raval' }).waitFor();
    await page.getByText(TAX_ID, { exact: true }).waitFor();
  });

  it('resets a forgotten password through the mailed link', async () => {
    const { api, page } = platform;
    await page.goto(`${api.url}/entrar`);
    await page.getByRole('link', { name: 'Has oblidat la contrasenya?' }).click();
    await page.getByLabel('Adreça electrònica').fill('hola@cuinacomunitaria.example');
    await page.getByRole('button', { name: "Envia'm l'enllaç" }).click();
    await page.getByText("Si l'adreça té compte", { exact: false }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const mail = await api.db.mailOutbox.findFirstOrThrow({
      where: { to: 'hola@cuinacomunitaria.example', subject: { contains: 'contrasenya' } },
    });
    const link = /https?:\/\/\S+/.exec(mail.text)?.[0] ?? '';
    await page.goto(`${api.url}${new URL(link).pathname}${new URL(link).search}`);
    await page.getByLabel('Contrasenya nova (almenys 12 caràcters)').fill('una recepta nova de croquetes');
    await page.getByRole('button', { name: 'Desa la contrasenya' }).click();
    await page.getByText('Contrasenya canviada.', { exact: false }).waitFor();
  });

  it('edits the published profile from the dashboard: a revision waits for review', async () => {
    const { api, page } = platform;
    await signInAs(page, {
      email: 'hola@cuinacomunitaria.example',
      password: 'una recepta nova de croquetes',
    });
    await page.getByRole('heading', { level: 1, name: 'El meu tauler' }).waitFor();
    await page
      .getByRole('button', { name: 'Edita la fitxa i les persones editores Cuina Comunitària del Raval' })
      .click();
    const name = page.getByLabel("Nom de l'empresa");
    await name.waitFor();
    expect(await name.inputValue()).toBe('Cuina Comunitària del Raval');
    expect(await page.getByLabel('Descripció en català').inputValue()).toBe(
      'Càtering ecològic per a escoles del barri.',
    );
    await page.getByLabel('Persones treballadores').fill('7');
    await page.getByRole('button', { name: 'Envia per revisar' }).click();
    await page.getByText('Canvis enviats per revisar.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const revision = await api.db.companyRevision.findFirstOrThrow({ where: { kind: 'UPDATE' } });
    expect(revision.status).toBe('PENDING');
    expect(revision.changes).toEqual([{ field: 'employees', before: null, after: '7' }]);
    // The public profile has not changed yet.
    expect((await api.db.company.findFirstOrThrow({ where: { taxId: TAX_ID } })).employees).toBeNull();
  });
});
