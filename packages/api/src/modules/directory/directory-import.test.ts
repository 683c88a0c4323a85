import type { Db } from '@proximitat/db';
import { createTestDatabase, type TestDatabase } from '@proximitat/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv, parseJson } from './directory-file.ts';
import {
  describeProblems,
  importDirectory,
  type RejectedRow,
  rejectedRowsFile,
} from './directory-import.service.ts';
import { makeCif } from './tax-id.ts';

// Each test imports into a database of its own: what the directory holds is the state under test
// (counts, slugs, updates in place), so no test sees what another imported.
let database: TestDatabase;
let db: Db;

beforeEach(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterEach(async () => database?.drop());

const COOP = makeCif('F', 8100001);
const ASSOC = makeCif('G', 8100002);
const SL = makeCif('B', 8100003);

const HEADER =
  'tax_id;name;legal_name;legal_form;sectors;cpv_codes;street;postal_code;city;district_code;neighbourhood_code;lat;lng;website;email;phone;employees;founded_year;description_ca;description_es;description_en;certifications;insertion_company;special_employment_centre';

const GOOD = [
  `${COOP};La Formiga Neteja;La Formiga Neteja, SCCL;COOP_TREBALL;NETEJA;90910000-9;Carrer de Mallorca, 401;08013;Barcelona;;;41.4036;2.1744;laformiga.coop;hola@laformiga.coop;93 123 45 67;12;2009;"Neteja d'oficines; amb ""productes"" ecològics";;;ISO14001;sí;no`,
  `${ASSOC};Associació l'Esberla;;ASSOCIACIO;EDUCACIO;80500000-9;Carrer del Baluard, 12;08003;Barcelona;;3;;;;;;4;2015;Formació al barri de la Barceloneta;;;;no;no`,
  `${SL};Recupera Sud;;SOCIETAT_MERCANTIL;RESIDUS;90510000-5;Carrer de Barcelona, 1;08901;L'Hospitalet de Llobregat;;;;;;;;40;1999;;;;;1;0`,
];

function csv(...rows: string[]): string {
  return `\uFEFF${HEADER}\r\n${rows.join('\r\n')}\r\n`;
}

/** Each problem as row, column, reason and parameters (by name, as they travel). */
function problemsOf(rejected: RejectedRow[]) {
  return rejected.flatMap(({ row, problems }) =>
    problems.map(({ field, code, reason, params }) => ({
      row,
      field,
      code,
      reason,
      params: Object.fromEntries(params.map((param) => [param.name, param.value])),
    })),
  );
}

async function companyCount() {
  return db.company.count();
}

describe('directory import', () => {
  it('rejects a file with bad rows, says exactly where, and writes nothing', async () => {
    const file = parseCsv(
      csv(
        GOOD[0] ?? '',
        `B86670461;Mala;;COOP_TREBALL;NETEJA;45210000-3;;;;;;;;;;;dotze;;;;;;potser;no`,
        `${ASSOC};;;FORMA_INVENTADA;;;Carrer Gran, 1;08001;Barcelona;02;03;;;;;;;;;;;;;`,
        `${COOP};Duplicada;;COOP_TREBALL;NETEJA;;;;;;;;;;;;;;;;;;;`,
      ),
    );
    const result = await importDirectory(db, file);
    expect(result.summary).toMatchObject({ written: false, rows: 4, rejected: 3, created: 0 });
    const V = 'VALIDATION';
    expect(problemsOf(result.rejected)).toEqual([
      {
        row: 3,
        field: 'employees',
        code: V,
        reason: 'IMPORT_NOT_A_WHOLE_NUMBER',
        params: { value: 'dotze' },
      },
      {
        row: 3,
        field: 'insertion_company',
        code: V,
        reason: 'IMPORT_NOT_YES_OR_NO',
        params: { value: 'potser' },
      },
      {
        row: 3,
        field: 'tax_id',
        code: V,
        reason: 'TAX_ID_CHECK_CHARACTER',
        params: { value: 'B86670461', expected: '0' },
      },
      {
        row: 3,
        field: 'cpv_codes',
        code: V,
        reason: 'CPV_CHECK_DIGIT',
        params: { value: '45210000-3', expected: '45210000-2' },
      },
      { row: 4, field: 'name', code: V, reason: 'REQUIRED', params: {} },
      {
        row: 4,
        field: 'legal_form',
        code: V,
        reason: 'UNKNOWN_LEGAL_FORM',
        params: { value: 'FORMA_INVENTADA' },
      },
      { row: 4, field: 'sectors', code: V, reason: 'SECTORS_REQUIRED', params: {} },
      {
        row: 4,
        field: 'neighbourhood_code',
        code: V,
        reason: 'NEIGHBOURHOOD_NOT_IN_DISTRICT',
        params: { neighbourhood: '03', name: 'la Barceloneta', district: '01', given: '02' },
      },
      {
        row: 5,
        field: 'tax_id',
        code: V,
        reason: 'IMPORT_TAX_ID_REPEATED',
        params: { taxId: COOP, row: '2' },
      },
    ]);
    expect(await companyCount()).toBe(0);
  });

  it('describes the problems of the rejected rows in Catalan, or in the language asked for', async () => {
    const file = parseCsv(csv(`B86670461;Mala;;COOP_TREBALL;;;;;;;;;;;;;dotze;;;;;;;`));
    const { rejected } = await importDirectory(db, file);
    expect(describeProblems(rejected)).toEqual([
      'fila 2, employees: «dotze» no és un nombre enter.',
      'fila 2, tax_id: El caràcter de control de B86670461 no és correcte: hauria de ser 0.',
      'fila 2, sectors: Tria com a mínim un sector.',
    ]);
    expect(describeProblems(rejected, 'ES')).toContain('fila 2, sectors: Elige al menos un sector.');
    expect(describeProblems(rejected, 'EN')).toContain(
      'row 2, tax_id: The check character of B86670461 is wrong: it should be 0.',
    );
    expect(await companyCount()).toBe(0);
  });

  it('with --skip-invalid imports the valid rows and returns the rejected ones with their reasons', async () => {
    const file = parseCsv(csv(GOOD[2] ?? '', 'B86670461;Mala;;COOP_TREBALL;NETEJA;;;;;;;;;;;;;;;;;;;'));
    const result = await importDirectory(db, file, { skipInvalid: true });
    expect(result.summary).toMatchObject({ written: true, created: 1, rejected: 1 });
    const rejectedFile = rejectedRowsFile(file, result.rejected);
    expect(rejectedFile).toContain('row;errors;tax_id;name');
    expect(rejectedFile).toContain(
      '3;tax_id: El caràcter de control de B86670461 no és correcte: hauria de ser 0.;B86670461;Mala',
    );
    expect(rejectedRowsFile(file, result.rejected, 'EN')).toContain(
      '3;tax_id: The check character of B86670461 is wrong: it should be 0.;B86670461;Mala',
    );
    // The rejected rows file reads back as the same rows.
    expect(
      parseCsv(rejectedFile.replace(/^\uFEFFrow;errors;/, '\uFEFF').replace(/\r\n3;[^;]*;/, '\r\n')).rows[0]
        ?.record.name,
    ).toBe('Mala');
  });

  it('imports a file, keeps its text exactly, derives places, and re-importing changes nothing', async () => {
    const file = parseCsv(csv(...GOOD));
    const first = await importDirectory(db, file);
    expect(first.summary).toMatchObject({ written: true, created: 3, updated: 0, unchanged: 0, rejected: 0 });

    const coop = await db.company.findUniqueOrThrow({
      where: { taxId: COOP },
      include: { sectors: true, certifications: true },
    });
    expect(coop).toMatchObject({
      slug: 'la-formiga-neteja',
      status: 'PUBLISHED',
      districtCode: '02',
      neighbourhoodCode: '06',
      website: 'https://laformiga.coop/',
      descriptionCa: 'Neteja d\'oficines; amb "productes" ecològics',
      insertionCompany: true,
      cpvCodes: ['90910000-9'],
      fieldSources: expect.objectContaining({ name: 'IMPORT', address: 'IMPORT' }),
    });
    expect(coop.publishedAt).not.toBeNull();
    const association = await db.company.findUniqueOrThrow({ where: { taxId: ASSOC } });
    expect(association).toMatchObject({
      districtCode: '01',
      neighbourhoodCode: '03',
      locationApproximate: true,
    });
    const outside = await db.company.findUniqueOrThrow({ where: { taxId: SL } });
    expect(outside).toMatchObject({
      districtCode: null,
      city: "L'Hospitalet de Llobregat",
      specialEmploymentCentre: false,
    });

    const again = await importDirectory(db, parseCsv(csv(...GOOD)));
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const after = await db.company.findUniqueOrThrow({ where: { taxId: COOP } });
    expect(after.updatedAt).toEqual(coop.updatedAt);
  });

  it('updates in place by tax ID and keeps the slug, the status and what the company wrote itself', async () => {
    await importDirectory(db, parseCsv(csv(GOOD[0] ?? '')));
    const before = await db.company.findUniqueOrThrow({ where: { taxId: COOP } });
    await db.company.update({
      where: { id: before.id },
      data: {
        status: 'ARCHIVED',
        phone: '93 000 00 00',
        fieldSources: { ...(before.fieldSources as object), phone: 'COMPANY' },
      },
    });
    const changed = (GOOD[0] ?? '')
      .replace('La Formiga Neteja;', 'La Formiga Neteja i Manteniment;')
      .replace(';12;2009;', ';15;2009;');
    const result = await importDirectory(db, parseCsv(csv(changed)));
    expect(result.summary).toMatchObject({ created: 0, updated: 1 });
    const after = await db.company.findUniqueOrThrow({ where: { taxId: COOP } });
    expect(after).toMatchObject({
      id: before.id,
      slug: 'la-formiga-neteja',
      name: 'La Formiga Neteja i Manteniment',
      employees: 15,
      status: 'ARCHIVED',
      phone: '93 000 00 00',
    });
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    // Both the creation and this change are in the audit log.
    const audit = await db.auditEntry.findMany({
      where: { entityId: before.id },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((entry) => entry.action)).toEqual(['company.create', 'company.update']);
    expect(audit[1]?.changes).toMatchObject({
      source: { after: 'IMPORT' },
      name: { before: 'La Formiga Neteja', after: 'La Formiga Neteja i Manteniment' },
      employees: { before: 12, after: 15 },
    });
  });

  it('reads JSON with the same fields, lists as arrays or text and booleans as booleans', async () => {
    // Another company already has the name, and so its slug.
    await importDirectory(db, parseCsv(csv(GOOD[0] ?? '')));
    const taxId = makeCif('F', 8100004);
    const file = parseJson(
      JSON.stringify([
        {
          tax_id: taxId,
          name: 'La Formiga Neteja',
          legal_form: 'COOP_SERVEIS',
          sectors: ['NETEJA', 'JARDINERIA'],
          cpv_codes: '77310000-6',
          neighbourhood_code: '06',
          street: 'Carrer de Provença, 1',
          postal_code: '08013',
          city: 'Barcelona',
          employees: 3,
          insertion_company: false,
        },
        { tax_id: 'x', nom: 'sense camps coneguts' },
      ]),
    );
    const result = await importDirectory(db, file, { skipInvalid: true, status: 'PENDING_REVIEW' });
    expect(problemsOf(result.rejected)).toEqual([
      {
        row: 2,
        field: null,
        code: 'VALIDATION',
        reason: 'IMPORT_ROW_UNKNOWN_FIELDS',
        params: { fields: 'nom' },
      },
    ]);
    expect(describeProblems(result.rejected, 'EN')).toEqual(['row 2: It has unknown fields: nom.']);
    const company = await db.company.findUniqueOrThrow({ where: { taxId }, include: { sectors: true } });
    expect(company).toMatchObject({
      status: 'PENDING_REVIEW',
      districtCode: '02',
      employees: 3,
      publishedAt: null,
    });
    // The name's slug is taken: the tax ID makes it unique.
    expect(company.slug).toBe(`la-formiga-neteja-${taxId.toLowerCase()}`);
    expect(company.sectors.map((s) => s.sectorCode).sort()).toEqual(['JARDINERIA', 'NETEJA']);
  });
});

describe('import files', () => {
  it('detects the delimiter and reads quoted cells with commas, semicolons and newlines', () => {
    const comma = parseCsv(
      `tax_id,name,legal_form,sectors\r\n${COOP},"Cuina, Sopa; i ""Pa""\nnou",COOP_TREBALL,"CURES;SALUT"\r\n`,
    );
    expect(comma.delimiter).toBe(',');
    expect(comma.rows[0]?.record).toEqual({
      tax_id: COOP,
      name: 'Cuina, Sopa; i "Pa"\nnou',
      legal_form: 'COOP_TREBALL',
      sectors: 'CURES;SALUT',
    });
    expect(parseCsv(`\uFEFFtax_id;name;legal_form;sectors\n${COOP};A;B;C\n`).delimiter).toBe(';');
  });

  it('refuses unknown and missing columns before reading any row', () => {
    expect(() => parseCsv('tax_id;nom;legal_form;sectors\n')).toThrow('unknown column "nom"');
    expect(() => parseCsv('tax_id;name;sectors\n')).toThrow('missing required column: legal_form');
    expect(() => parseCsv('')).toThrow('the file is empty');
    expect(() => parseJson('{"a": 1}')).toThrow('expected a JSON array');
  });

  it('reports a row whose cells do not match the header', () => {
    const file = parseCsv(`tax_id;name;legal_form;sectors\n${COOP};A;COOP_TREBALL\n`);
    expect(file.rows[0]?.problem).toMatchObject({
      field: null,
      reason: 'IMPORT_ROW_CELL_COUNT',
      params: [
        { name: 'cells', value: '3' },
        { name: 'columns', value: '4' },
      ],
    });
  });
});

describe('import timestamps', () => {
  it('stores the import time as Prisma does, in UTC', async () => {
    const now = new Date('2026-03-01T10:20:30.456Z');
    const taxId = makeCif('F', 8100009);
    await importDirectory(db, parseCsv(csv(`${taxId};Hora Exacta;;COOP_TREBALL;CURES;;;;;;;;;;;;;;;;;;;`)), {
      now,
    });
    const company = await db.company.findUniqueOrThrow({ where: { taxId } });
    expect([company.createdAt, company.updatedAt, company.publishedAt]).toEqual([now, now, now]);
  });
});
