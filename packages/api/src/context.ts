import type { Db, Role } from '@proximitat/db';
import type { Logger } from '@proximitat/runtime';
import type { Search } from '@proximitat/search';

/** The signed-in account of a request, as far as authorisation needs it. */
export interface Viewer {
  id: string;
  email: string;
  role: Role;
}

export interface Context {
  db: Db;
  search: Search;
  log: Logger;
  requestId: string;
  viewer: Viewer | null;
}

/** What lives as long as the server: shared by every request's context. */
export interface AppServices {
  db: Db;
  search: Search;
  log: Logger;
}
