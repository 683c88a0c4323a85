import { Link } from 'react-router';
import { useI18n } from '../lib/i18n/i18n.tsx';

export function HomePage() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      <p className="lead">{t('app.tagline')}</p>
      <p>{t('home.intro')}</p>
      <ul className="plain-list home-links">
        <li>
          <Link to="/empreses">{t('home.companiesLink')}</Link>
        </li>
        <li>
          <Link to="/estadistiques">{t('home.statsLink')}</Link>
        </li>
        <li>
          <Link to="/districtes">{t('home.districtsLink')}</Link>
        </li>
      </ul>
    </section>
  );
}
