import { useCallback, useState } from 'react';

const STORAGE_KEY = 'proximitat.shortlist';

/** The shortlist that search results are added to, remembered in this browser. */
export function useActiveShortlist() {
  const [id, setId] = useState<string>(() => {
    try {
      return globalThis.localStorage?.getItem(STORAGE_KEY) ?? '';
    } catch {
      return '';
    }
  });
  const choose = useCallback((next: string) => {
    setId(next);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      // storage may be disabled: the choice lasts as long as the page
    }
  }, []);
  return [id, choose] as const;
}
