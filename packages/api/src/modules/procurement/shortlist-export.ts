/**
 * The CSV of a shortlist, for spreadsheets in Catalan: UTF-8 with BOM, `;` between fields by
 * default and `,` with `?separador=coma`, streamed a batch of entries at a time.
 */
import type { Db } from '@proximitat/db';
import cookieParser from 'cookie-parser';
import type { Request, RequestHandler, Response } from 'express';
import { type Locale, messageOf, type Reason } from '../../errors.ts';
import { SESSION_COOKIE, viewerForToken } from '../account/session.service.ts';
import { CSV_BOM, csvRow } from '../common/csv.ts';
import { isUuid } from '../common/ids.ts';
import { requestLocale } from '../i18n/request-locale.ts';
import { shortlistAccess } from './shortlist.service.ts';
import { EXPORT_COLUMNS, SnapshotRowsSchema, shortlistRows } from './shortlist-rows.ts';

function fileName(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return slug || 'llista';
}

/** What each file's name says of its separator, in the caller's language. */
const SEPARATOR_NAMES: Record<Locale, { ';': string; ',': string }> = {
  CA: { ';': 'punt-i-coma', ',': 'comes' },
  ES: { ';': 'punto-y-coma', ',': 'comas' },
  EN: { ';': 'semicolon', ',': 'comma' },
};

/**
 * The name a download is saved under: the list's name, the snapshot's date, and the separator in
 * the caller's language, so that the two files of a list (and its snapshots) never share one.
 */
export function exportFileName(
  listName: string,
  separator: ';' | ',',
  locale: Locale,
  snapshotDate: Date | null = null,
): string {
  const day = snapshotDate ? `-${snapshotDate.toISOString().slice(0, 10)}` : '';
  return `${fileName(listName)}${day}-${SEPARATOR_NAMES[locale][separator]}.csv`;
}

/** Writes and waits when the client reads slower than the database answers. */
function write(res: Response, chunk: string): Promise<void> {
  return res.write(chunk) ? Promise.resolve() : new Promise((resolve) => res.once('drain', resolve));
}

const parseCookies = cookieParser();

/** A refusal as text, in the caller's language (the download is opened by a link). */
function refuse(res: Response, status: number, locale: Locale, reason: Reason) {
  res
    .status(status)
    .type('text/plain')
    .send(messageOf(locale, reason, []));
}

/**
 * GET /exports/shortlists/:id.csv and /exports/shortlists/:id/snapshots/:snapshotId.csv, with the
 * same authentication as the API (session cookie or bearer token). A list the caller may not see
 * is a 404, like one that does not exist.
 */
export function shortlistCsvHandler(db: Db, publicUrl: string): RequestHandler {
  return (req, res, next) => {
    parseCookies(req, res, () => {
      serve(db, publicUrl, req, res).catch(next);
    });
  };
}

async function serve(db: Db, publicUrl: string, req: Request, res: Response) {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const token = bearer ?? (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  const viewer = await viewerForToken(db, token);
  res.setHeader('Cache-Control', 'private, no-store');
  const locale = requestLocale(viewer?.locale, req.headers['accept-language']);
  if (!viewer) {
    refuse(res, 401, locale, 'SIGN_IN_REQUIRED');
    return;
  }
  const id = String(req.params.id ?? '');
  const snapshotId = req.params.snapshotId === undefined ? null : String(req.params.snapshotId);
  if ((await shortlistAccess(db, id, viewer)) === null || (snapshotId !== null && !isUuid(snapshotId))) {
    refuse(res, 404, locale, 'SHORTLIST_NOT_FOUND');
    return;
  }
  const separator = req.query.separador === 'coma' ? ',' : ';';
  const shortlist = await db.shortlist.findUniqueOrThrow({ where: { id }, select: { name: true } });
  const snapshot = snapshotId
    ? await db.shortlistSnapshot.findFirst({
        where: { id: snapshotId, shortlistId: id },
        select: { rows: true, takenAt: true },
      })
    : null;
  if (snapshotId && !snapshot) {
    refuse(res, 404, locale, 'SNAPSHOT_NOT_FOUND');
    return;
  }
  const name = exportFileName(shortlist.name, separator, locale, snapshot?.takenAt ?? null);
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  await write(res, CSV_BOM + csvRow([...EXPORT_COLUMNS], separator));
  if (snapshot) {
    for (const row of SnapshotRowsSchema.parse(snapshot.rows)) await write(res, csvRow(row, separator));
  } else {
    for await (const rows of shortlistRows(db, id, publicUrl)) {
      if (res.destroyed) return;
      await write(res, rows.map((row) => csvRow(row, separator)).join(''));
    }
  }
  res.end();
}
