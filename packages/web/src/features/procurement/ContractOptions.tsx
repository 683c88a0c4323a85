import { useQuery } from 'urql';
import { FieldError } from '../../components/ui/FieldErrors.tsx';
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

/**
 * Codes of a contract chosen with checkboxes named `name` (its districts, its social clauses), with
 * the errors about them tied to the group.
 */
export function ContractFieldset({
  id,
  legend,
  name,
  options,
  errors = [],
}: {
  id: string;
  legend: string;
  name: string;
  options: { code: string; name: string }[] | undefined;
  errors?: string[];
}) {
  return (
    <fieldset aria-describedby={errors.length > 0 ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <div className="checkbox-grid">
        {options?.map((option) => (
          <label key={option.code} className="checkbox">
            <input type="checkbox" name={name} value={option.code} />
            {option.name}
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} messages={errors} />
    </fieldset>
  );
}
