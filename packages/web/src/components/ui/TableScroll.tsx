import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * A wide table's own scroll region, so that the page never scrolls sideways (WCAG 1.4.10): a named
 * region, which takes the keyboard focus (to scroll it with the arrow keys) only while its table is
 * wider than it.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const region = useRef<HTMLElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = region.current;
    if (!element) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    const table = element.firstElementChild;
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, []);
  return (
    <section ref={region} className="table-scroll" aria-label={label} tabIndex={overflows ? 0 : undefined}>
      {children}
    </section>
  );
}
