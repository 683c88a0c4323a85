import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { usePageTitle } from '../../components/layout/usePageTitle.ts';
import { GeoMap } from '../../components/map/GeoMap.tsx';
import { QueryState } from '../../components/ui/QueryState.tsx';
import { graphql } from '../../lib/graphql.ts';
import { Lang, langTag, useI18n } from '../../lib/i18n/i18n.tsx';
import { NotFoundPage } from '../../pages/NotFoundPage.tsx';
import { AddToShortlistButton, SearchShortlist } from '../procurement/SearchShortlist.tsx';
import './companies.css';

/**
 * Texts the directory keeps in Catalan only, whatever the interface language: street names, place
 * names, certification issuers, legal references. They are marked as Catalan (WCAG 3.1.2).
 */
const CATALAN = 'CA';

const CompanyQuery = graphql(`
  query CompanyPage_Company($slug: String!, $locale: Locale) {
    company(slug: $slug) {
      id
      slug
      name
      legalName
      taxId
      legalForm
      legalFormName(locale: $locale)
      status
      foundedYear
      employees
      description(locale: $locale)
      descriptionLocale(locale: $locale)
      website
      email
      phone
      address {
        street
        postalCode
        city
        location {
          lat
          lng
        }
        locationApproximate
      }
      district {
        code
        name
      }
      neighbourhood {
        code
        name
        outline(detail: DISTRICT)
      }
      sectors {
        code
        name(locale: $locale)
      }
      cpv {
        code
        label(locale: $locale)
        labelLocale(locale: $locale)
      }
      certifications {
        code
        name(locale: $locale)
        issuer
        verified
        validUntil
      }
      socialClauses {
        code
        name(locale: $locale)
        description(locale: $locale)
        legalBasis
      }
      esg {
        score
        status
        validUntil
      }
      insertionCompany
      specialEmploymentCentre
      reservedContractEligible
      updatedAt
    }
  }
`);

export function CompanyPage() {
  const { slug = '' } = useParams();
  const { t, locale, formatNumber, formatDate } = useI18n();
  const [result] = useQuery({ query: CompanyQuery, variables: { slug, locale } });
  const company = result.data?.company;
  usePageTitle(company?.name);
  if (result.data && !company) return <NotFoundPage />;
  const longDate = (value: string) => formatDate(value, { dateStyle: 'long' });

  return (
    <QueryState fetching={result.fetching && !result.data} error={result.error}>
      {company && (
        <article aria-labelledby="company-title" className="company">
          <p className="breadcrumb">
            <Link to="/empreses">{t('companies.title')}</Link>
          </p>
          <h1 id="company-title">{company.name}</h1>
          <p className="company__form">
            {company.legalFormName}
            {company.legalName && company.legalName !== company.name ? ` · ${company.legalName}` : ''}
          </p>
          {company.status !== 'PUBLISHED' && (
            <p className="notice" role="note">
              {t('company.notPublic')}: {t(`companyStatus.${company.status}`)}
            </p>
          )}
          <ul className="badges" aria-label={t('company.badges')}>
            {company.insertionCompany && (
              <li className="badge badge--reserved">{t('company.insertionCompany')}</li>
            )}
            {company.specialEmploymentCentre && (
              <li className="badge badge--reserved">{t('company.specialEmploymentCentre')}</li>
            )}
            {company.reservedContractEligible && (
              <li className="badge badge--reserved">{t('company.reservedContractEligible')}</li>
            )}
            <li className={company.esg?.status === 'VERIFIED' ? 'badge badge--done' : 'badge'}>
              {company.esg?.status === 'VERIFIED'
                ? `${t('company.esgHomologated')}: ${formatNumber(company.esg.score)}/${formatNumber(100)}`
                : t('company.esgNone')}
            </li>
            {company.certifications.map((certification) => (
              <li key={certification.code} className="badge badge--certification">
                {certification.name}
                {certification.verified ? ` ✓ ${t('company.verified')}` : ''}
              </li>
            ))}
          </ul>
          {company.description && (
            <Lang as="p" locale={company.descriptionLocale ?? locale} className="lead company__description">
              {company.description}
            </Lang>
          )}
          <SearchShortlist companyIds={[company.id]}>
            <div className="company__actions">
              <AddToShortlistButton companyId={company.id} companyName={company.name} />
            </div>
          </SearchShortlist>

          <div className="company__grid">
            <section aria-labelledby="company-details">
              <h2 id="company-details">{t('company.details')}</h2>
              <dl className="company__facts">
                <dt>{t('company.taxId')}</dt>
                <dd>{company.taxId}</dd>
                <dt>{t('company.sectors')}</dt>
                <dd>{company.sectors.map((sector) => sector.name).join(', ')}</dd>
                {company.foundedYear !== null && (
                  <>
                    <dt>{t('company.foundedYear')}</dt>
                    <dd>{company.foundedYear}</dd>
                  </>
                )}
                {company.employees !== null && (
                  <>
                    <dt>{t('company.employees')}</dt>
                    <dd>{formatNumber(company.employees)}</dd>
                  </>
                )}
                {company.website && (
                  <>
                    <dt>{t('company.website')}</dt>
                    <dd>
                      <a href={company.website} rel="noopener noreferrer nofollow">
                        {company.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}
                      </a>
                    </dd>
                  </>
                )}
                {company.email && (
                  <>
                    <dt>{t('company.email')}</dt>
                    <dd>
                      <a href={`mailto:${company.email}`}>{company.email}</a>
                    </dd>
                  </>
                )}
                {company.phone && (
                  <>
                    <dt>{t('company.phone')}</dt>
                    <dd>
                      <a href={`tel:${company.phone.replace(/[^\d+]/g, '')}`}>{company.phone}</a>
                    </dd>
                  </>
                )}
              </dl>
              {company.cpv.length > 0 && (
                <>
                  <h3>{t('company.cpv')}</h3>
                  <ul className="plain-list">
                    {company.cpv.map((cpv) => (
                      <li key={cpv.code}>
                        <code>{cpv.code}</code> <Lang locale={cpv.labelLocale}>{cpv.label}</Lang>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {company.certifications.length > 0 && (
                <>
                  <h3>{t('company.certifications')}</h3>
                  <ul className="plain-list">
                    {company.certifications.map((certification) => (
                      <li key={certification.code}>
                        {certification.name} (<Lang locale={CATALAN}>{certification.issuer}</Lang>) —{' '}
                        {certification.verified ? t('company.verified') : t('company.notVerified')}
                        {certification.validUntil
                          ? `, ${t('company.validUntilDate', { date: certification.validUntil })}`
                          : ''}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {company.socialClauses.length > 0 && (
                <>
                  <h3>{t('company.socialClauses')}</h3>
                  <ul className="plain-list">
                    {company.socialClauses.map((clause) => (
                      <li key={clause.code}>
                        <strong>{clause.name}</strong> ({t('company.legalBasis')}{' '}
                        <Lang locale={CATALAN}>{clause.legalBasis}</Lang>): {clause.description}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>

            <section aria-labelledby="company-where">
              <h2 id="company-where">{t('company.where')}</h2>
              {company.address ? (
                <Lang as="address" locale={CATALAN}>
                  {company.address.street}
                  <br />
                  {company.address.postalCode} {company.address.city}
                </Lang>
              ) : (
                <p>{t('company.noAddress')}</p>
              )}
              {company.district && (
                <p>
                  {t('company.district')}:{' '}
                  <Link to={`/districtes/${company.district.code}`} lang={langTag(CATALAN)}>
                    {company.district.name}
                  </Link>
                  {company.neighbourhood && (
                    <>
                      {' · '}
                      {t('company.neighbourhood')}: <Lang locale={CATALAN}>{company.neighbourhood.name}</Lang>
                    </>
                  )}
                </p>
              )}
              {company.neighbourhood && (
                <GeoMap
                  className="company-map"
                  shapes={[
                    {
                      id: company.neighbourhood.code,
                      geometry: company.neighbourhood.outline,
                      label: company.neighbourhood.name,
                      kind: 'neighbourhood',
                    },
                  ]}
                  points={
                    company.address?.location ? [{ ...company.address.location, label: company.name }] : []
                  }
                  title={`${t('company.map')}: ${company.name}`}
                  description={
                    company.address?.locationApproximate
                      ? `${t('company.mapApproximate')} ${company.neighbourhood.name}.`
                      : `${t('company.mapExact')} ${company.neighbourhood.name}.`
                  }
                />
              )}
              {company.address?.locationApproximate && <p className="hint">{t('company.approximate')}</p>}
            </section>
          </div>
          <p className="hint">
            {t('company.updatedAt')} {longDate(company.updatedAt)}
          </p>
        </article>
      )}
    </QueryState>
  );
}
