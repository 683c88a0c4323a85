import { describe, expect, it } from 'vitest';
import { referenceContext } from '../../sample-data/reference-places.ts';
import { type CompanyDraft, normaliseWebsite, validateCompanyProfile } from './company-profile.ts';

const context = referenceContext(2026);

const base: CompanyDraft = {
  name: '  La Formiga   Neteja ',
  taxId: 'f-0812345-7',
  legalForm: 'coop_treball',
  sectors: ['NETEJA', 'neteja', 'RESIDUS'],
  cpvCodes: ['90910000-9', '909100009'],
};

function valid(draft: Partial<CompanyDraft>) {
  const result = validateCompanyProfile({ ...base, ...draft }, context);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.profile;
}

/** The problems as field, reason and parameters (the parameters as they travel, by name). */
function errors(draft: Partial<CompanyDraft>) {
  const result = validateCompanyProfile({ ...base, ...draft }, context);
  return result.ok
    ? []
    : result.errors.map(({ field, reason, params }) => ({
        field,
        reason,
        params: Object.fromEntries(params.map((param) => [param.name, param.value])),
      }));
}

describe('validateCompanyProfile', () => {
  it('normalises what it accepts', () => {
    const cif = base.taxId.toUpperCase().replaceAll('-', '');
    const result = validateCompanyProfile(base, context);
    // The fixture's CIF must itself be valid for the rest of the suite to mean anything.
    expect(result.ok ? null : result.errors).toBeNull();
    const profile = valid({});
    expect(profile).toMatchObject({
      name: 'La Formiga Neteja',
      taxId: cif,
      legalFormCode: 'COOP_TREBALL',
      sectorCodes: ['NETEJA', 'RESIDUS'],
      cpvCodes: ['90910000-9'],
      insertionCompany: false,
      districtCode: null,
    });
  });

  it('derives the district and neighbourhood from a location in Barcelona', () => {
    const profile = valid({
      address: {
        street: 'Carrer de Mallorca, 401',
        postalCode: '08013',
        city: 'Barcelona',
        lat: 41.4036,
        lng: 2.1744,
      },
    });
    expect(profile).toMatchObject({
      districtCode: '02',
      neighbourhoodCode: '06',
      latitude: 41.4036,
      longitude: 2.1744,
      locationApproximate: false,
    });
  });

  it('places a company inside its neighbourhood when only the neighbourhood is known', () => {
    const profile = valid({
      address: {
        street: 'Carrer del Baluard, 12',
        postalCode: '08003',
        city: 'barcelona',
        neighbourhoodCode: '03',
      },
    });
    expect(profile).toMatchObject({ districtCode: '01', neighbourhoodCode: '03', locationApproximate: true });
    expect(context.places.locate(profile.latitude ?? 0, profile.longitude ?? 0)?.code).toBe('03');
  });

  it('requires the codes and the location to agree', () => {
    expect(
      errors({
        address: {
          street: 'Carrer de Mallorca, 401',
          postalCode: '08013',
          city: 'Barcelona',
          neighbourhoodCode: '03',
          lat: 41.4036,
          lng: 2.1744,
        },
      }),
    ).toEqual([
      {
        field: 'address.neighbourhoodCode',
        reason: 'LOCATION_NOT_IN_NEIGHBOURHOOD',
        params: { found: '06', foundName: 'la Sagrada Família', given: '03', givenName: 'la Barceloneta' },
      },
    ]);
    expect(
      errors({
        address: {
          street: 'Mallorca, 401',
          postalCode: '08013',
          city: 'Barcelona',
          districtCode: '05',
          lat: 41.4036,
          lng: 2.1744,
        },
      }),
    ).toEqual([
      {
        field: 'address.districtCode',
        reason: 'LOCATION_NOT_IN_DISTRICT',
        params: { found: '02', given: '05' },
      },
    ]);
    expect(
      errors({
        address: {
          street: 'Baluard, 12',
          postalCode: '08003',
          city: 'Barcelona',
          districtCode: '02',
          neighbourhoodCode: '03',
        },
      }),
    ).toEqual([
      {
        field: 'address.neighbourhoodCode',
        reason: 'NEIGHBOURHOOD_NOT_IN_DISTRICT',
        params: { neighbourhood: '03', name: 'la Barceloneta', district: '01', given: '02' },
      },
    ]);
  });

  it('leaves the codes empty outside Barcelona and refuses them there', () => {
    const outside = valid({
      address: {
        street: 'Carrer de Barcelona, 1',
        postalCode: '08901',
        city: "L'Hospitalet de Llobregat",
        lat: 41.3596,
        lng: 2.0997,
      },
    });
    expect(outside).toMatchObject({ districtCode: null, neighbourhoodCode: null, latitude: 41.3596 });
    expect(
      errors({
        address: { street: 'Carrer del Mar, 1', postalCode: '08911', city: 'Badalona', districtCode: '10' },
      }),
    ).toEqual([{ field: 'address.districtCode', reason: 'PLACES_ONLY_IN_BARCELONA', params: {} }]);
    expect(
      errors({
        address: {
          street: 'Carrer Gran, 1',
          postalCode: '08001',
          city: 'Barcelona',
          lat: 41.3596,
          lng: 2.0997,
        },
      }),
    ).toEqual([
      {
        field: 'address.lat',
        reason: 'LOCATION_OUTSIDE_BARCELONA',
        params: { lat: '41.3596', lng: '2.0997' },
      },
    ]);
    expect(
      errors({
        address: {
          street: 'Carrer Gran, 1',
          postalCode: '08911',
          city: 'Badalona',
          lat: 41.4036,
          lng: 2.1744,
        },
      }),
    ).toEqual([
      {
        field: 'address.city',
        reason: 'LOCATION_IN_BARCELONA',
        params: { name: 'la Sagrada Família', city: 'Badalona' },
      },
    ]);
  });

  it('names every field at fault at once, each with its reason', () => {
    expect(
      errors({
        name: ' ',
        taxId: 'B86670461',
        legalForm: 'SA',
        sectors: [],
        cpvCodes: ['45210000-3'],
        website: 'not a site',
        email: 'hola@',
        phone: '12',
        employees: -1,
        foundedYear: 2027,
        certifications: ['ISO9001'],
        socialClauses: ['IGUALTAT_GENERE', 'QUOTA_LOCAL'],
        descriptions: [{ locale: 'CA', text: 'x'.repeat(5001) }],
        address: { street: '', postalCode: '8001', city: 'Barcelona', lat: 41.4 },
      }),
    ).toEqual([
      { field: 'name', reason: 'REQUIRED', params: {} },
      { field: 'taxId', reason: 'TAX_ID_CHECK_CHARACTER', params: { value: 'B86670461', expected: '0' } },
      { field: 'legalForm', reason: 'UNKNOWN_LEGAL_FORM', params: { value: 'SA' } },
      { field: 'sectors', reason: 'SECTORS_REQUIRED', params: {} },
      {
        field: 'cpvCodes',
        reason: 'CPV_CHECK_DIGIT',
        params: { value: '45210000-3', expected: '45210000-2' },
      },
      { field: 'certifications', reason: 'UNKNOWN_CERTIFICATION', params: { value: 'ISO9001' } },
      { field: 'socialClauses', reason: 'UNKNOWN_SOCIAL_CLAUSE', params: { value: 'QUOTA_LOCAL' } },
      { field: 'website', reason: 'NOT_A_URL', params: {} },
      { field: 'email', reason: 'NOT_AN_EMAIL', params: {} },
      { field: 'phone', reason: 'PHONE_MALFORMED', params: { value: '12' } },
      { field: 'employees', reason: 'OUT_OF_RANGE', params: { min: '0', max: '1000000' } },
      { field: 'foundedYear', reason: 'FOUNDED_YEAR_OUT_OF_RANGE', params: { min: '1800', max: '2026' } },
      { field: 'descriptions.CA', reason: 'TOO_LONG', params: { max: '5000' } },
      { field: 'address.street', reason: 'REQUIRED', params: {} },
      { field: 'address.postalCode', reason: 'POSTAL_CODE_MALFORMED', params: { value: '8001' } },
      { field: 'address.lng', reason: 'COORDINATES_TOGETHER', params: {} },
    ]);
  });

  it('gives the limits of lengths, lists and places as parameters', () => {
    expect(
      errors({
        name: 'n'.repeat(201),
        legalName: 'l'.repeat(301),
        sectors: Array.from({ length: 51 }, () => 'NETEJA').map((code, i) => `${code}${i}`),
        cpvCodes: Array.from({ length: 51 }, () => '90910000-9'),
        website: `https://${'w'.repeat(500)}.cat`,
        descriptions: [
          { locale: 'ES', text: 'Uno' },
          { locale: 'ES', text: 'Dos' },
        ],
        address: {
          street: 's'.repeat(301),
          postalCode: '',
          city: 'c'.repeat(101),
          districtCode: '11',
        },
      }).filter((error) => error.field !== 'sectors' || error.reason !== 'UNKNOWN_SECTOR'),
    ).toEqual([
      { field: 'name', reason: 'TOO_LONG', params: { max: '200' } },
      { field: 'legalName', reason: 'TOO_LONG', params: { max: '300' } },
      { field: 'sectors', reason: 'TOO_MANY_VALUES', params: { max: '50' } },
      { field: 'cpvCodes', reason: 'TOO_MANY_VALUES', params: { max: '50' } },
      { field: 'website', reason: 'TOO_LONG', params: { max: '500' } },
      { field: 'descriptions.ES', reason: 'DUPLICATE_VALUE', params: { value: 'ES' } },
      { field: 'address.street', reason: 'TOO_LONG', params: { max: '300' } },
      { field: 'address.postalCode', reason: 'REQUIRED', params: {} },
      { field: 'address.city', reason: 'TOO_LONG', params: { max: '100' } },
      { field: 'address.districtCode', reason: 'UNKNOWN_DISTRICT', params: { value: '11' } },
    ]);
    expect(
      errors({
        taxId: '',
        legalForm: ' ',
        sectors: ['NETEJA', 'INVENTAT'],
        address: {
          street: 'Carrer Gran, 1',
          postalCode: '08001',
          city: 'Barcelona',
          neighbourhoodCode: '99',
          lat: 91,
          lng: -181,
        },
      }),
    ).toEqual([
      { field: 'taxId', reason: 'REQUIRED', params: {} },
      { field: 'legalForm', reason: 'REQUIRED', params: {} },
      { field: 'sectors', reason: 'UNKNOWN_SECTOR', params: { value: 'INVENTAT' } },
      { field: 'address.lat', reason: 'OUT_OF_RANGE', params: { min: '-90', max: '90' } },
      { field: 'address.lng', reason: 'OUT_OF_RANGE', params: { min: '-180', max: '180' } },
      { field: 'address.neighbourhoodCode', reason: 'UNKNOWN_NEIGHBOURHOOD', params: { value: '99' } },
    ]);
  });

  it('keeps the declared social clauses as sorted catalogue codes', () => {
    expect(valid({ socialClauses: ['igualtat_genere', 'COMERC_JUST', 'COMERC_JUST'] }).socialClauses).toEqual(
      ['COMERC_JUST', 'IGUALTAT_GENERE'],
    );
  });

  it('keeps descriptions in each language with their paragraphs', () => {
    const profile = valid({
      descriptions: [
        { locale: 'CA', text: "Neteja d'oficines.\r\n\r\n\r\nAmb productes ecològics i l·l.  " },
        { locale: 'EN', text: 'Office cleaning.' },
      ],
    });
    expect(profile.descriptionCa).toBe("Neteja d'oficines.\n\nAmb productes ecològics i l·l.");
    expect(profile.descriptionEs).toBeNull();
    expect(profile.descriptionEn).toBe('Office cleaning.');
  });

  it('normalises web addresses and refuses other schemes', () => {
    expect(normaliseWebsite('laformiga.coop')).toBe('https://laformiga.coop/');
    expect(normaliseWebsite('http://laformiga.coop/qui-som')).toBe('http://laformiga.coop/qui-som');
    expect(normaliseWebsite('javascript:alert(1)')).toBeNull();
    expect(normaliseWebsite('https://user:pw@laformiga.coop')).toBeNull();
  });
});
