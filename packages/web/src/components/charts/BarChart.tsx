import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { TableScroll } from '../ui/TableScroll.tsx';

export interface Bar {
  key: string;
  label: string;
  value: number;
}

/**
 * A horizontal bar chart that is also a list: one tab stop for the whole chart (a roving tabindex:
 * the bar last visited), the arrow keys, Home and End move between bars, and each one reads as
 * "label: value (share)". The same data is given as a table, whose value column is headed `unit`.
 * `format` writes a value (default: a number in the interface language; amounts pass
 * formatCurrency) and `spoken` the value as a bar reads it (default: the value and the unit; a
 * count passes its plural message, "1 empresa").
 */
export function BarChart({
  title,
  bars,
  unit,
  format,
  spoken,
}: {
  title: string;
  bars: Bar[];
  unit: string;
  format?: (value: number) => string;
  spoken?: (value: number) => string;
}) {
  const { t, formatNumber } = useI18n();
  const write = format ?? ((value: number) => formatNumber(value));
  const say = spoken ?? ((value: number) => `${write(value)} ${unit}`);
  const id = useId();
  const list = useRef<HTMLOListElement>(null);
  const total = bars.reduce((sum, bar) => sum + bar.value, 0);
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const share = (value: number) => (total > 0 ? Math.round((value / total) * 1000) / 10 : 0);
  // The bar that takes the chart's one tab stop.
  const [current, setCurrent] = useState(0);
  const active = Math.min(current, Math.max(0, bars.length - 1));

  const move = (event: KeyboardEvent<HTMLLIElement>) => {
    const items = [...(list.current?.querySelectorAll<HTMLLIElement>('li') ?? [])];
    const index = items.indexOf(event.currentTarget);
    const next =
      event.key === 'ArrowDown' || event.key === 'ArrowRight'
        ? index + 1
        : event.key === 'ArrowUp' || event.key === 'ArrowLeft'
          ? index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? items.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    const target = Math.max(0, Math.min(items.length - 1, next));
    setCurrent(target);
    items[target]?.focus();
  };

  return (
    <figure className="bar-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <p id={`${id}-keys`} className="hint">
        {t('chart.keys')}
      </p>
      <ol
        ref={list}
        className="bar-chart__bars"
        aria-labelledby={`${id}-caption`}
        aria-describedby={`${id}-keys`}
      >
        {bars.map((bar, index) => (
          <li
            key={bar.key}
            tabIndex={index === active ? 0 : -1}
            onKeyDown={move}
            onFocus={() => setCurrent(index)}
            aria-label={`${bar.label}: ${say(bar.value)} (${formatNumber(share(bar.value))} %)`}
          >
            <span className="bar-chart__label" aria-hidden="true">
              {bar.label}
            </span>
            <span className="bar-chart__track" aria-hidden="true">
              <span className="bar-chart__fill" style={{ width: `${(bar.value / max) * 100}%` }} />
            </span>
            <span className="bar-chart__value" aria-hidden="true">
              {write(bar.value)}
            </span>
          </li>
        ))}
      </ol>
      <details className="bar-chart__data">
        <summary>{t('chart.showTable')}</summary>
        <TableScroll label={title}>
          <table className="data-table">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('chart.category')}</th>
                <th scope="col" className="numeric">
                  {unit}
                </th>
                <th scope="col" className="numeric">
                  %
                </th>
              </tr>
            </thead>
            <tbody>
              {bars.map((bar) => (
                <tr key={bar.key}>
                  <th scope="row">{bar.label}</th>
                  <td className="numeric">{write(bar.value)}</td>
                  <td className="numeric">{formatNumber(share(bar.value))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}
