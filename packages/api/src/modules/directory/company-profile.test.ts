import { describe, expect, it } from 'vitest';
import { type CompanyDraft, normaliseWebsite, validateCompanyProfile } from './company-profile.ts';
import { referenceContext } from './testing/reference-places.ts';

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

function errors(draft: Partial<CompanyDraft>) {
  const result = validateCompanyProfile({ ...base, ...draft }, context);
  return result.ok ? [] : result.errors;
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
        message: 'the location is in neighbourhood 06 (la Sagrada Família), not 03 (la Barceloneta)',
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
    ).toEqual([{ field: 'address.districtCode', message: 'the location is in district 02, not 05' }]);
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
        message: 'neighbourhood 03 (la Barceloneta) is in district 01, not 02',
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
    ).toEqual([
      {
        field: 'address.districtCode',
        message: 'districts and neighbourhoods apply to addresses in Barcelona only',
      },
    ]);
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
    ).toEqual([{ field: 'address.lat', message: 'the location 41.3596, 2.0997 is outside Barcelona' }]);
  });

  it('names every field at fault at once', () => {
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
      }).map((error) => error.field),
    ).toEqual([
      'name',
      'taxId',
      'legalForm',
      'sectors',
      'cpvCodes',
      'certifications',
      'socialClauses',
      'website',
      'email',
      'phone',
      'employees',
      'foundedYear',
      'descriptions.CA',
      'address.street',
      'address.postalCode',
      'address.lng',
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
