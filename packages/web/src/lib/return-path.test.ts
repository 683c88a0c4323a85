import { describe, expect, it } from 'vitest';
import { safeReturnPath, signInPath } from './return-path.ts';

const ORIGIN = 'https://proximitat.example';

describe('the page sign-in returns to', () => {
  it('is a path of this site, with its query and fragment', () => {
    expect(safeReturnPath('/llistes/42?ordre=nom#empreses', ORIGIN)).toBe('/llistes/42?ordre=nom#empreses');
    expect(safeReturnPath('/moderacio', ORIGIN)).toBe('/moderacio');
  });

  it('is never another site, however the address is written', () => {
    for (const value of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      '/%0a/evil.example',
      '/\t/evil.example',
      'llistes',
      '',
      null,
      undefined,
    ]) {
      const path = safeReturnPath(value, ORIGIN);
      if (path !== null) expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
      if (value === null || value === undefined || !value.startsWith('/')) expect(path).toBeNull();
    }
    expect(safeReturnPath('//evil.example/x', ORIGIN)).toBeNull();
    expect(safeReturnPath('/\\evil.example', ORIGIN)).toBeNull();
    expect(safeReturnPath('/\t/evil.example', ORIGIN)).toBeNull();
  });

  it('is never a page about the session itself', () => {
    expect(safeReturnPath('/entrar?torna=/entrar', ORIGIN)).toBeNull();
    expect(safeReturnPath('/registre', ORIGIN)).toBeNull();
  });

  it('goes in the sign-in link encoded', () => {
    expect(signInPath('/llistes/42?a=1&b=2', ORIGIN)).toBe('/entrar?torna=%2Fllistes%2F42%3Fa%3D1%26b%3D2');
    expect(signInPath('/entrar', ORIGIN)).toBe('/entrar');
  });
});
