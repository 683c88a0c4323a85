import type { ContractAward, Db } from '@proximitat/db';
import { paramList } from '@proximitat/errors';
import type { RequestHandler } from 'express';
import { messageOf } from '../../errors.ts';
import { cpvLabel } from '../directory/cpv.ts';
import { requestLocale } from '../i18n/request-locale.ts';
import { loadReference, type Reference } from '../reference/reference-cache.ts';

/**
 * Contract awards as an Open Contracting Data Standard 1.1 release package: one contracting process
 * (ocid) per award, released with the `award` tag. Reserved contracts and social clauses, which
 * core OCDS has no field for, are said in words in `tender.procurementMethodDetails` and in the
 * award's description. The package validates against the OCDS 1.1.5 release package schema
 * (ocds-schema/, tested).
 */
export interface OcdsOptions {
  ocidPrefix: string;
  uri: string;
  publishedDate: Date;
}

const LICENSE = 'https://creativecommons.org/licenses/by/4.0/';

/** The years the export may be asked for. */
const YEARS = { min: 2000, max: 2100 };

function organisationId(taxId: string): string {
  return `ES-NIF-${taxId}`;
}

export function ocdsRelease(award: ContractAward, ocidPrefix: string, reference: Reference) {
  const buyer = { id: 'buyer', name: award.buyerName };
  const supplier = { id: organisationId(award.supplierTaxId), name: award.supplierName };
  const clauses = award.socialClauses.map((code) => reference.socialClauses.get(code)?.nameCa ?? code);
  const item = {
    id: '1',
    description: award.title,
    classification: {
      scheme: 'CPV',
      id: award.cpvCode.slice(0, 8),
      description: cpvLabel(award.cpvCode, 'ES'),
    },
  };
  const district = award.districtCode ? reference.districts.get(award.districtCode)?.name : undefined;
  return {
    ocid: `${ocidPrefix}-${award.id}`,
    id: `${award.id}-${award.updatedAt.getTime()}`,
    date: award.updatedAt.toISOString(),
    tag: ['award'],
    initiationType: 'tender',
    language: 'ca',
    parties: [
      { ...buyer, roles: ['buyer', 'procuringEntity'] },
      {
        ...supplier,
        identifier: { id: award.supplierTaxId, legalName: award.supplierName },
        roles: ['supplier'],
        details: { socialEconomy: award.supplierIsEss },
      },
    ],
    buyer,
    tender: {
      id: award.reference,
      title: award.title,
      status: 'complete',
      procurementMethod: award.procurementMethod,
      ...(award.reserved
        ? {
            procurementMethodDetails:
              "Contracte reservat a empreses d'inserció i centres especials de treball (Llei 9/2017, DA 4a)",
          }
        : {}),
      items: [
        {
          ...item,
          ...(district
            ? { deliveryAddress: { locality: 'Barcelona', region: district, countryName: 'Espanya' } }
            : {}),
        },
      ],
    },
    awards: [
      {
        id: award.id,
        title: award.title,
        ...(clauses.length > 0 ? { description: `Clàusules socials: ${clauses.join(', ')}` } : {}),
        status: 'active',
        date: new Date(`${award.awardedOn.toISOString().slice(0, 10)}T00:00:00Z`).toISOString(),
        value: { amount: Number(award.amount), currency: 'EUR' },
        suppliers: [supplier],
        items: [item],
      },
    ],
  };
}

export function ocdsReleasePackage(awards: ContractAward[], options: OcdsOptions, reference: Reference) {
  return {
    uri: options.uri,
    version: '1.1',
    publishedDate: options.publishedDate.toISOString(),
    publisher: { name: 'Barcelona Activa — Proximitat' },
    license: LICENSE,
    releases: awards.map((award) => ocdsRelease(award, options.ocidPrefix, reference)),
  };
}

/** GET /exports/awards.ocds.json?year=2026 — public, like the awards themselves. */
export function awardsOcdsHandler(db: Db, publicUrl: string, ocidPrefix: string): RequestHandler {
  return async (req, res, next) => {
    try {
      // Refusals are text in the caller's language (the export is public: Accept-Language).
      const locale = requestLocale(null, req.headers['accept-language']);
      const yearText = req.query.year === undefined ? null : String(req.query.year);
      const year = yearText === null ? null : Number(yearText);
      if (year !== null && (!Number.isInteger(year) || year < YEARS.min || year > YEARS.max)) {
        res
          .status(400)
          .type('text/plain')
          .send(`year: ${messageOf(locale, 'OUT_OF_RANGE', paramList(YEARS))}`);
        return;
      }
      const awards = await db.contractAward.findMany({
        where:
          year === null
            ? {}
            : { awardedOn: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } },
        orderBy: [{ awardedOn: 'asc' }, { id: 'asc' }],
      });
      if (awards.length === 0) {
        // An OCDS package holds at least one release.
        res
          .status(404)
          .type('text/plain')
          .send(messageOf(locale, 'NO_AWARDS_IN_PERIOD', []));
        return;
      }
      const latest = awards.reduce((max, award) => Math.max(max, award.updatedAt.getTime()), 0);
      const body = ocdsReleasePackage(
        awards,
        {
          ocidPrefix,
          uri: `${publicUrl}/exports/awards.ocds.json${year === null ? '' : `?year=${year}`}`,
          // Generated on demand: the date of the last change to what it holds.
          publishedDate: latest > 0 ? new Date(latest) : new Date(),
        },
        await loadReference(db),
      );
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="adjudicacions${year === null ? '' : `-${year}`}.ocds.json"`,
      );
      res.json(body);
    } catch (error) {
      next(error);
    }
  };
}
