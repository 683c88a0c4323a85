import { Link } from 'react-router';
import { useI18n } from '../lib/i18n/i18n.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to="/">{t('notFound.home')}</Link>
    </section>
  );
}
