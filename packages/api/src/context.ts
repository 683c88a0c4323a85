import type { Db, Role } from '@proximitat/db';
import type { Locale } from '@proximitat/errors';
import type { Logger } from '@proximitat/runtime';
import type { Search } from '@proximitat/search';
import type { DataVersions } from './response-cache/data-versions.ts';

/** The signed-in account of a request, as far as authorisation needs it. */
export interface Viewer {
  id: string;
  email: string;
  /**
   * The role in force: the account's own role once its email is verified, USER until then (a
   * role above USER is a privilege, and nobody gets one for an address they have not proved).
   */
  role: Role;
  emailVerified: boolean;
  /** The account's language, for messages when the request names none. */
  locale: Locale;
}

/** The HTTP side of a request, for what only a browser needs (cookies). */
export interface HttpControls {
  setCookie(name: string, value: string, maxAgeSeconds: number): void;
  clearCookie(name: string): void;
  setHeader(name: string, value: string): void;
}

export interface Context {
  db: Db;
  search: Search;
  log: Logger;
  requestId: string;
  viewer: Viewer | null;
  /** The session token the request came with (bearer or cookie), if any. */
  sessionToken: string | undefined;
  http: HttpControls | undefined;
  /** The platform's public address, for links in mail. */
  publicUrl: string;
  /** The client's address (from X-Forwarded-For only behind TRUST_PROXY; an IPv6 one as its /64), for limits. */
  clientAddress: string;
  /**
   * The caller's language, for messages: the operation's `locale` argument, else the account's,
   * else Accept-Language, else Catalan (see modules/i18n/request-locale.ts).
   */
  locale: Locale;
  /** The data versions the response cache read for this request before Apollo, when it did. */
  dataVersions?: DataVersions;
}

/** What lives as long as the server: shared by every request's context. */
export interface AppServices {
  db: Db;
  search: Search;
  log: Logger;
}
