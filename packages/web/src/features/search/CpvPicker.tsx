import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';

const CpvQuery = graphql(`
  query SearchPage_Cpv($query: String, $under: String, $first: Int, $offset: Int, $locale: Locale) {
    cpvVocabulary(query: $query, under: $under, first: $first, offset: $offset) {
      totalCount
      hasNextPage
      entries {
        code
        branch
        level
        childCount
        label(locale: $locale)
        labelLanguage(locale: $locale)
      }
    }
  }
`);

export interface CpvChoice {
  code: string;
  branch: string;
  childCount: number;
  label: string;
  labelLanguage: string;
}

/** What the search box of the picker lists at most (a longer text narrows it). */
const SUGGESTIONS = 20;
/** Codes of one level shown at once while browsing; "show more" adds as many again. */
const BROWSE_PAGE = 50;

/**
 * The CPV picker: a combobox (ARIA 1.2 pattern: the input keeps focus, arrows move through the
 * listbox's options, Enter adds or removes the active one, Escape closes it) that searches the
 * whole vocabulary at every level by code or words, and a browser of the hierarchy, level by level,
 * with a checkbox per code. Labels are in Spanish or English, marked with their language (the CPV
 * has no Catalan version). `selected` holds branches ("9091"); `counts` the division facet.
 */
export function CpvPicker({
  selected,
  counts,
  onToggle,
}: {
  selected: string[];
  counts: Map<string, number>;
  onToggle: (branch: string) => void;
}) {
  const { t, locale, formatNumber } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [term, setTerm] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [path, setPath] = useState<CpvChoice[]>([]);
  const [shown, setShown] = useState(BROWSE_PAGE);

  useEffect(() => {
    const timer = setTimeout(() => setTerm(text.trim().slice(0, 100)), 200);
    return () => clearTimeout(timer);
  }, [text]);

  const [suggestions] = useQuery({
    query: CpvQuery,
    variables: { query: term, first: SUGGESTIONS, locale },
    pause: term === '',
  });
  const options = term ? (suggestions.data?.cpvVocabulary.entries ?? []) : [];
  const expanded = open && term !== '' && options.length > 0;

  const under = path[path.length - 1] ?? null;
  const [level] = useQuery({
    query: CpvQuery,
    variables: { under: under?.branch ?? null, first: Math.min(100, shown), locale },
  });
  const entries = level.data?.cpvVocabulary.entries ?? [];

  const choose = (entry: CpvChoice) => {
    onToggle(entry.branch);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (options.length === 0 ? -1 : (index + 1) % options.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (options.length === 0 ? -1 : (index - 1 + options.length) % options.length));
    } else if (event.key === 'Home' && expanded) {
      event.preventDefault();
      setActive(0);
    } else if (event.key === 'End' && expanded) {
      event.preventDefault();
      setActive(options.length - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = options[active];
      if (expanded && option) choose(option);
    } else if (event.key === 'Escape') {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text) {
        event.preventDefault();
        setText('');
      }
    }
  };

  const optionId = (index: number) => `${id}-option-${index}`;
  const label = (entry: CpvChoice) => <span lang={entry.labelLanguage}>{entry.label}</span>;

  return (
    <div className="cpv-picker">
      <label htmlFor={`${id}-input`}>{t('search.cpv.searchLabel')}</label>
      <p id={`${id}-hint`} className="cpv-picker__hint">
        {t('search.cpv.hint')}
      </p>
      <div className="cpv-picker__combo">
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-listbox`}
          aria-describedby={`${id}-hint`}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          autoComplete="off"
          maxLength={100}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => setOpen(true)}
        />
        <div
          id={`${id}-listbox`}
          role="listbox"
          aria-multiselectable="true"
          aria-label={t('search.cpv.suggestions')}
          className="cpv-picker__listbox"
          hidden={!expanded}
        >
          {options.map((entry, index) => (
            // The input keeps focus (aria-activedescendant); a pointer chooses without blurring it.
            // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox's input handles the keys
            <div
              key={entry.branch}
              id={optionId(index)}
              role="option"
              tabIndex={-1}
              aria-selected={selected.includes(entry.branch)}
              className={`cpv-picker__option${index === active ? ' cpv-picker__option--active' : ''}`}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(entry)}
            >
              <span className="cpv-picker__check" aria-hidden="true">
                {selected.includes(entry.branch) ? '✓' : ''}
              </span>
              <span className="cpv-picker__code">{entry.code}</span> {label(entry)}
            </div>
          ))}
        </div>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {term && suggestions.data
          ? t('search.cpv.found', { count: suggestions.data.cpvVocabulary.totalCount })
          : ''}
      </p>

      <nav className="cpv-picker__path" aria-label={t('search.cpv.browse')}>
        <ol>
          <li>
            {path.length === 0 ? (
              <span aria-current="location">{t('search.cpv.top')}</span>
            ) : (
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setPath([]);
                  setShown(BROWSE_PAGE);
                }}
              >
                {t('search.cpv.top')}
              </button>
            )}
          </li>
          {path.map((entry, index) => (
            <li key={entry.branch}>
              {index === path.length - 1 ? (
                <span aria-current="location">{entry.code}</span>
              ) : (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setPath(path.slice(0, index + 1));
                    setShown(BROWSE_PAGE);
                  }}
                >
                  {entry.code}
                </button>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <fieldset className="cpv-picker__level">
        <legend className="visually-hidden">
          {under ? t('search.cpv.under', { code: under.code }) : t('search.cpv.divisions')}
        </legend>
        <ul>
          {entries.map((entry) => (
            <li key={entry.branch}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={selected.includes(entry.branch)}
                  onChange={() => choose(entry)}
                />
                <span className="cpv-picker__code">{entry.code}</span> {label(entry)}
                {counts.has(entry.branch) && (
                  <span className="facet__count"> ({formatNumber(counts.get(entry.branch) ?? 0)})</span>
                )}
              </label>
              {entry.childCount > 0 && (
                <button
                  type="button"
                  className="cpv-picker__open"
                  aria-label={t('search.cpv.open', { code: entry.code, count: entry.childCount })}
                  onClick={() => {
                    setPath([...path, entry]);
                    setShown(BROWSE_PAGE);
                  }}
                >
                  <span aria-hidden="true">›</span>
                </button>
              )}
            </li>
          ))}
        </ul>
        {level.data?.cpvVocabulary.hasNextPage && shown < 100 && (
          <button type="button" className="link-button" onClick={() => setShown(100)}>
            {t('search.cpv.more')}
          </button>
        )}
      </fieldset>
      {locale === 'CA' && <p className="cpv-picker__hint">{t('search.cpv.spanish')}</p>}
    </div>
  );
}
