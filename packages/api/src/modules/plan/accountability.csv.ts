import type { Db } from '@proximitat/db';
import { ErrorCode, REASONS } from '@proximitat/errors';
import type { Request, Response } from 'express';
import { CSV_BOM, csvRow } from '../common/csv.ts';
import { accountabilityReport } from './accountability.service.ts';
import { csvDecimal } from './csv-decimal.ts';

/** The file is in Catalan (its headings, statuses and texts): its decimals are written as Catalan writes them. */
const FILE_LOCALE = 'CA';

const STATUS_CA: Record<string, string> = {
  PLANNED: 'Prevista',
  IN_PROGRESS: 'En curs',
  DONE: 'Feta',
  CANCELLED: 'Anul·lada',
};

/** GET /reports/accountability.csv?district=01&period=2018-S1 — public, like the plan itself. */
export function accountabilityCsvHandler(db: Db) {
  return async (req: Request, res: Response) => {
    const district = String(req.query.district ?? '');
    const period = String(req.query.period ?? '');
    const lookup = await accountabilityReport(db, district, period);
    if (!lookup.ok) {
      // The reason's name, as before: INVALID_PERIOD (400), DISTRICT_NOT_FOUND or DISTRICT_PLAN_NOT_FOUND (404).
      const reason = lookup.errors[0]?.reason ?? 'INVALID_VALUE';
      res
        .status(REASONS[reason].code === ErrorCode.VALIDATION ? 400 : 404)
        .type('text/plain')
        .send(reason);
      return;
    }
    const { report } = lookup;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="rendicio-comptes-${report.district.code}-${report.period}.csv"`,
    );
    let body = CSV_BOM + csvRow(['secció', 'codi', 'descripció', 'estat', 'valor', 'unitat']);
    body += csvRow(['districte', report.district.code, report.district.name, '', '', '']);
    body += csvRow(['període', report.period, report.developmentPlan.name, '', '', '']);
    body += csvRow([
      'execució',
      '',
      'Mesures fetes',
      '',
      report.progress.measuresDone,
      `de ${report.progress.measuresTotal}`,
    ]);
    body += csvRow([
      'execució',
      '',
      "Percentatge d'execució",
      '',
      csvDecimal(report.progress.executionRate * 100, FILE_LOCALE, 1),
      '%',
    ]);
    for (const measure of report.measures) {
      body += csvRow([
        'mesura',
        measure.code,
        measure.titleCa,
        STATUS_CA[measure.status] ?? measure.status,
        '',
        '',
      ]);
    }
    for (const indicator of report.indicators) {
      body += csvRow([
        'indicador',
        indicator.code,
        indicator.nameCa,
        indicator.note ?? '',
        indicator.value === null ? '' : csvDecimal(indicator.value, FILE_LOCALE),
        indicator.unit,
      ]);
    }
    body += csvRow(['valoració', '', report.assessment?.textCa ?? '', '', '', '']);
    res.send(body);
  };
}
