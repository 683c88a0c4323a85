import type { Db } from '@proximitat/db';
import { z } from 'zod';
import { verifiedInForce } from '../esg/esg-assessment.service.ts';
import { loadReference } from '../reference/reference-cache.ts';

/** The columns of a shortlist's export: what an officer files with a tender, one company a row. */
export const EXPORT_COLUMNS = [
  'nom',
  'NIF',
  'forma jurídica',
  'correu electrònic',
  'telèfon',
  'web',
  'adreça',
  'districte',
  'codis CPV',
  'apta per a contractes reservats',
  "empresa d'inserció",
  'centre especial de treball',
  'puntuació ASG',
  'estat ASG',
  'ASG vàlida fins a',
  'certificacions',
  'clàusules socials',
  'nota',
  'afegida el',
  'fitxa pública',
] as const;

/** A snapshot's rows as stored (ShortlistSnapshot.rows, JSON): the export's cells, row by row. */
export const SnapshotRowsSchema = z.array(z.array(z.string()));
export type SnapshotRows = z.output<typeof SnapshotRowsSchema>;

const BATCH = 200;
const yesNo = (value: boolean) => (value ? 'sí' : 'no');
const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : '');

/** The export's rows, in the order companies were added, a batch of entries at a time. */
export async function* shortlistRows(
  db: Db,
  shortlistId: string,
  publicUrl = '',
  now = new Date(),
): AsyncGenerator<SnapshotRows> {
  const reference = await loadReference(db);
  let cursor: { shortlistId: string; companyId: string } | undefined;
  for (;;) {
    const entries = await db.shortlistEntry.findMany({
      where: { shortlistId },
      orderBy: [{ addedAt: 'asc' }, { companyId: 'asc' }],
      take: BATCH,
      ...(cursor ? { cursor: { shortlistId_companyId: cursor }, skip: 1 } : {}),
      select: {
        companyId: true,
        note: true,
        addedAt: true,
        company: {
          select: {
            slug: true,
            name: true,
            taxId: true,
            legalFormCode: true,
            email: true,
            phone: true,
            website: true,
            street: true,
            postalCode: true,
            city: true,
            districtCode: true,
            cpvCodes: true,
            insertionCompany: true,
            specialEmploymentCentre: true,
            socialClauses: true,
            certifications: {
              select: { certificationCode: true, verified: true },
              orderBy: { certificationCode: 'asc' },
            },
            esgAssessments: {
              where: { status: 'VERIFIED' },
              select: { score: true, status: true, validUntil: true, reviewedAt: true },
            },
          },
        },
      },
    });
    if (entries.length === 0) return;
    yield entries.map(({ company, note, addedAt }) => {
      // Only a verified assessment in force: a self-declared score is not for the contract file.
      const esg = verifiedInForce(company.esgAssessments, now);
      const legalForm = reference.legalForms.get(company.legalFormCode);
      return [
        company.name,
        company.taxId,
        legalForm?.nameCa ?? company.legalFormCode,
        company.email ?? '',
        company.phone ?? '',
        company.website ?? '',
        [company.street, [company.postalCode, company.city].filter(Boolean).join(' ')]
          .filter(Boolean)
          .join(', '),
        company.districtCode ? (reference.districts.get(company.districtCode)?.name ?? '') : '',
        company.cpvCodes.join(', '),
        yesNo(company.insertionCompany || company.specialEmploymentCentre),
        yesNo(company.insertionCompany),
        yesNo(company.specialEmploymentCentre),
        esg ? String(esg.score) : '',
        esg ? 'verificada' : 'sense homologació vigent',
        esg ? day(esg.validUntil) : '',
        company.certifications
          .map(({ certificationCode, verified }) => {
            const name = reference.certifications.get(certificationCode)?.nameCa ?? certificationCode;
            return verified ? `${name} (verificada)` : name;
          })
          .join(', '),
        [...reference.socialClauses.values()]
          .filter((clause) => company.socialClauses.includes(clause.code))
          .map((clause) => clause.nameCa)
          .join(', '),
        note ?? '',
        day(addedAt),
        `${publicUrl}/empreses/${company.slug}`,
      ];
    });
    const last = entries[entries.length - 1];
    if (!last || entries.length < BATCH) return;
    cursor = { shortlistId, companyId: last.companyId };
  }
}
