import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { type FragmentOf, graphql, readFragment } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';

/** What a company card shows; the operation that spreads it declares `$locale`. */
export const CompanyCardFragment = graphql(`
  fragment CompanyCard_Company on Company {
    slug
    name
    legalFormName(locale: $locale)
    district {
      name
    }
    neighbourhood {
      name
    }
    sectors {
      code
      name(locale: $locale)
    }
    reservedContractEligible
    esg {
      score
      status
    }
  }
`);

/**
 * One company in a list: the directory and the search results both show it this way. A search hit
 * adds what belongs to the hit, not to the company: the name with its matches marked, the distance,
 * an excerpt, and actions.
 */
export function CompanyCard({
  company: data,
  headingLevel,
  title,
  distanceMeters,
  excerpt,
  children,
}: {
  company: FragmentOf<typeof CompanyCardFragment>;
  /** The level that fits the page's outline: the card's heading sits under the page's own. */
  headingLevel: 2 | 3;
  /** Shown instead of the plain name, e.g. the name with the search's matches marked. */
  title?: ReactNode;
  /** How far the company is from the place searched near. */
  distanceMeters?: number | null;
  excerpt?: ReactNode;
  children?: ReactNode;
}) {
  const { t, formatNumber } = useI18n();
  const company = readFragment(CompanyCardFragment, data);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="company-card">
      <Heading>
        <Link to={`/empreses/${company.slug}`}>{title ?? company.name}</Link>
      </Heading>
      <p>
        {company.legalFormName}
        {company.district
          ? ` · ${company.neighbourhood ? `${company.neighbourhood.name}, ` : ''}${company.district.name}`
          : ''}
        {distanceMeters != null ? ` · ${formatNumber(distanceMeters)} m` : ''}
      </p>
      {excerpt && <p className="company-card__excerpt">{excerpt}</p>}
      <p className="company-card__sectors">
        {company.sectors.map((sector) => sector.name).join(' · ')}
        {company.reservedContractEligible && (
          <span className="badge badge--reserved">{t('company.reservedContractEligible')}</span>
        )}
        {company.esg?.status === 'VERIFIED' && (
          <span className="badge badge--done">
            {t('company.esgHomologated')}: {company.esg.score}/100
          </span>
        )}
      </p>
      {children}
    </li>
  );
}
