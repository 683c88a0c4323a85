import { useQuery } from 'urql';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';

const ContractOptionsQuery = graphql(`
  query ContractOptions($locale: Locale) {
    districts {
      code
      name
    }
    socialClauses {
      code
      name(locale: $locale)
    }
  }
`);

/** The districts and social clauses a contract (a tender, an award) is described with. */
export function useContractOptions() {
  const { locale } = useI18n();
  const [options] = useQuery({ query: ContractOptionsQuery, variables: { locale } });
  return options.data;
}

/** The social clauses of a contract, as checkboxes named `socialClauses`. */
export function SocialClausesFieldset({
  clauses,
}: {
  clauses: { code: string; name: string }[] | undefined;
}) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('tender.socialClauses')}</legend>
      <div className="checkbox-grid">
        {clauses?.map((clause) => (
          <label key={clause.code} className="checkbox">
            <input type="checkbox" name="socialClauses" value={clause.code} />
            {clause.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
