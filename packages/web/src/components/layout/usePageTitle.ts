import { createContext, useContext, useEffect } from 'react';

/** Where usePageTitle says what the page is about: the Layout provides it and writes document.title. */
export const PageTitleContext = createContext<(title: string | null) => void>(() => {});

/**
 * Names the page the reader is on: the document's title becomes "`title` – Proximitat" (WCAG
 * 2.4.2). Call it from a page with what the page is about (a company's name, a district's, a
 * tender's); while `title` is null or undefined (the data is still loading) the route's own title
 * (its `handle.title` in app.tsx) stands.
 */
export function usePageTitle(title: string | null | undefined): void {
  const setTitle = useContext(PageTitleContext);
  const value = title?.trim() || null;
  useEffect(() => {
    setTitle(value);
    return () => setTitle(null);
  }, [setTitle, value]);
}
