/** The sign-in page's parameter naming the page to return to once signed in. */
export const RETURN_PARAM = 'torna';

/** Pages that are about the session itself: signing in never returns to them. */
const SESSION_PAGES = ['/entrar', '/registre', '/contrasenya', '/verifica'];

/**
 * The page to return to after signing in, when `value` is a path of this site: relative to its
 * root ("/llistes/42?x=1"), never another origin ("//elsewhere", "/\\elsewhere", "https://…") nor
 * a session page. Null otherwise.
 */
export function safeReturnPath(
  value: string | null | undefined,
  origin = globalThis.location?.origin,
): string | null {
  if (!value || !origin || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return null;
  // Control characters and backslashes have no place in a path of ours (browsers read "\" as "/").
  if (/[\p{Cc}\\]/u.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  if (SESSION_PAGES.includes(url.pathname)) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page, returning to `path` (this page) afterwards when it may. */
export function signInPath(path: string, origin = globalThis.location?.origin): string {
  const back = safeReturnPath(path, origin);
  return back ? `/entrar?${RETURN_PARAM}=${encodeURIComponent(back)}` : '/entrar';
}
