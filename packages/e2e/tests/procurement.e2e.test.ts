import { readFile } from 'node:fs/promises';
import { addSampleCompanies, createAccount, indexCompanies } from '@proximitat/api/testing';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, signInAs, usePlatform } from '../src/index.ts';

const OFFICER = { email: 'compres@ajuntament.example', password: 'una contrasenya de compres' };

describe.runIf(browserAvailable())('the procurement workspace in Chromium', () => {
  const platform = usePlatform({
    seed: async (api) => {
      await addSampleCompanies(api, 80, 'procurement-e2e');
      await indexCompanies(api);
      await createAccount(api, { ...OFFICER, role: 'PROCUREMENT_OFFICER' });
    },
    timeout: 10_000,
    acceptDownloads: true,
  });

  it('an officer searches, shortlists three companies and downloads the CSV', async () => {
    const { api, page } = platform;
    await signInAs(page, OFFICER);
    await page.getByRole('link', { name: 'Llistes de proveïdors' }).waitFor();

    await page.goto(`${api.url}/cerca?ordre=NAME`);
    await page.getByRole('heading', { level: 2, name: 'Llista de treball' }).waitFor();
    await page.getByLabel('O crea una llista nova').fill('Neteja escoles 2026');
    await page.getByRole('button', { name: 'Crea la llista' }).click();
    await page.getByText('Llista creada: «Neteja escoles 2026»').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const cards = page.locator('.company-card');
    const chosen: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const card = cards.nth(i);
      const name = ((await card.getByRole('heading').textContent()) ?? '').trim();
      chosen.push(name);
      await card.getByRole('button', { name: /^Afegeix a la llista/ }).click();
      await card.getByText('A la llista').waitFor();
      // The button gives way to "On the list": focus goes there, not to the page's body.
      await expect
        .poll(() => card.evaluate((element) => element.contains(document.activeElement)))
        .toBe(true);
    }
    await page.getByText(`${chosen[2]}: afegida a «Neteja escoles 2026»`).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Obre la llista (3)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neteja escoles 2026' }).waitFor();
    const rows = page.getByRole('table', { name: 'Empreses' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    for (const name of chosen) await page.getByRole('link', { name, exact: true }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV per a Excel (separat per punt i coma)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('neteja-escoles-2026-punt-i-coma.csv');
    const bytes = await readFile((await download.path()) as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parse(bytes.toString('utf8'), { bom: true, delimiter: ';' }) as string[][];
    expect(csv[0]?.slice(0, 3)).toEqual(['nom', 'NIF', 'forma jurídica']);
    expect(csv.slice(1).map((row) => row[0])).toEqual(chosen);
    // The comma-separated file of the same list is saved under a name of its own.
    const [comma] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV separat per comes' }).click(),
    ]);
    expect(comma.suggestedFilename()).toBe('neteja-escoles-2026-comes.csv');
  });

  it('an officer matches suppliers to a need, invites one and records the answer', async () => {
    const { api, page } = platform;
    const supplier = await api.db.company.findFirstOrThrow({
      where: { status: 'PUBLISHED', email: { not: null }, cpvCodes: { isEmpty: false } },
      orderBy: { name: 'asc' },
    });
    await page.goto(`${api.url}/licitacions`);
    await page.getByRole('heading', { level: 1, name: 'Licitacions' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Títol').fill('Servei per a escoles');
    await page.getByLabel('Codis CPV (separats per comes)').fill(supplier.cpvCodes[0] as string);
    await page.getByRole('button', { name: 'Cerca proveïdors' }).click();
    await page.getByRole('heading', { level: 1, name: 'Servei per a escoles' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^Proveïdors que encaixen \(\d+\)$/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const card = page
      .locator('.company-card')
      .filter({ has: page.getByRole('link', { name: supplier.name, exact: true }) });
    await card.getByText(/^CPV /).first().waitFor();
    await card.getByRole('checkbox', { name: /^Convida-la/ }).check();
    await page.getByRole('button', { name: 'Envia les invitacions (1)' }).click();
    await page.getByText('1 invitació enviada').waitFor();
    await card.getByText('Convidada').waitFor();
    expect(await api.db.mailOutbox.count({ where: { to: supplier.email as string } })).toBe(1);

    await page.getByLabel(`Resposta: ${supplier.name}`).selectOption('INTERESTED');
    await page.getByText(`${supplier.name}: resposta desada`).waitFor();
    expect((await api.db.tenderInvitation.findFirstOrThrow()).response).toBe('INTERESTED');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows the procurement indicators to everyone, with the same figures in tables', async () => {
    const { api, page } = platform;
    const officer = await api.db.account.findUniqueOrThrow({
      where: { email: OFFICER.email },
    });
    const supplier = await api.db.company.findFirstOrThrow({ where: { status: 'PUBLISHED' } });
    const award = {
      recordedById: officer.id,
      title: 'Neteja de biblioteques',
      reference: '2026/0001',
      buyerName: 'Ajuntament de Barcelona',
      cpvCode: '90910000-9',
      awardedOn: new Date('2026-02-01'),
      procurementMethod: 'open',
    };
    await api.db.contractAward.createMany({
      data: [
        {
          ...award,
          supplierId: supplier.id,
          supplierName: supplier.name,
          supplierTaxId: supplier.taxId,
          supplierIsEss: true,
          amount: 25000,
          districtCode: '03',
        },
        {
          ...award,
          supplierName: 'Gran Empresa SA',
          supplierTaxId: 'B86670461',
          supplierIsEss: false,
          amount: 75000,
          districtCode: '06',
        },
      ],
    });
    await page.goto(`${api.url}/contractacio`);
    await page.getByRole('heading', { level: 1, name: 'Contractació pública responsable' }).waitFor();
    await page.getByText('25 %').first().waitFor();
    const districts = page.getByRole('table', { name: 'Per districte' });
    await expect.poll(() => districts.locator('tbody tr').count()).toBe(2);
    expect(
      await districts
        .getByRole('row', { name: /Sants-Montjuïc/ })
        .getByRole('cell')
        .last()
        .textContent()
        .then((text) => text?.replace(/\u00a0/g, ' ')),
    ).toBe('100 %');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The officer records another award to a directory company, found by its tax ID.
    await page.getByLabel('Objecte del contracte').fill('Neteja de casals');
    await page.getByLabel("Número d'expedient").fill('2026/0002');
    await page.getByLabel('Empresa adjudicatària').fill('Nom com a l’expedient');
    await page.getByLabel("NIF de l'adjudicatària").fill(supplier.taxId);
    await page.getByLabel('Import adjudicat sense IVA (EUR)').fill('100000');
    await page.getByLabel('Codi CPV principal').fill('90910000-9');
    await page.getByLabel("Data d'adjudicació").fill('2026-03-01');
    await page.getByRole('button', { name: "Registra l'adjudicació" }).click();
    await page
      .getByText("Adjudicació registrada: l'adjudicatària és del directori de l'economia social.")
      .waitFor();
    await page.getByText('62,5 %').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
