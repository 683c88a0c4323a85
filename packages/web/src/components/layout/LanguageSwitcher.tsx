import { LOCALES, type Locale, useI18n } from '../../lib/i18n/i18n.tsx';

export function LanguageSwitcher() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="language-switcher">
      <label htmlFor="language-select">{t('language.label')}</label>
      <select
        id="language-select"
        value={locale}
        onChange={(event) => setLocale(event.target.value as Locale)}
      >
        {LOCALES.map((entry) => (
          <option key={entry.code} value={entry.code} lang={entry.tag}>
            {entry.label}
          </option>
        ))}
      </select>
    </div>
  );
}
