import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { FieldError } from '../../components/ui/FieldErrors.tsx';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import {
  errorMessage,
  errorsElsewhere,
  type FormError,
  messagesFor,
  UserErrorFields,
} from '../../lib/user-errors.ts';
import {
  CompanyProfileForm,
  type CompanyProfileInput,
  useCompanyProfileSubmit,
} from './CompanyProfileForm.tsx';

const CompanyQuery = graphql(`
  query CompanyPanel_Company($slug: String!) {
    company(slug: $slug) {
      id
      name
      legalName
      taxId
      legalForm
      sectors {
        code
      }
      cpvCodes
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
      }
      neighbourhood {
        code
      }
      website
      email
      phone
      employees
      foundedYear
      descriptions {
        locale
        text
      }
      certifications {
        code
      }
      socialClauses {
        code
      }
      insertionCompany
      specialEmploymentCentre
      editors {
        accountId
        email
      }
      editorInvitations {
        id
        email
        expiresAt
      }
    }
  }
`);

const UpdateMutation = graphql(
  `
  mutation CompanyPanel_Update($companyId: ID!, $input: CompanyProfileInput!) {
    updateCompanyProfile(companyId: $companyId, input: $input) {
      revision {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

const AddEditorMutation = graphql(
  `
  mutation CompanyPanel_AddEditor($companyId: ID!, $email: String!) {
    addCompanyEditor(companyId: $companyId, email: $email) {
      invitation {
        id
        email
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

const RevokeInvitationMutation = graphql(
  `
  mutation CompanyPanel_RevokeInvitation($id: ID!) {
    revokeEditorInvitation(id: $id) {
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

const RemoveEditorMutation = graphql(
  `
  mutation CompanyPanel_RemoveEditor($companyId: ID!, $accountId: ID!) {
    removeCompanyEditor(companyId: $companyId, accountId: $accountId) {
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

/** Editing one company: its profile (proposed for review) and its editors. */
export function CompanyPanel({ slug, onChanged }: { slug: string; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const [result, refetch] = useQuery({
    query: CompanyQuery,
    variables: { slug },
    requestPolicy: 'network-only',
  });
  const [, update] = useMutation(UpdateMutation);
  const [, addEditor] = useMutation(AddEditorMutation);
  const [, removeEditor] = useMutation(RemoveEditorMutation);
  const [, revokeInvitation] = useMutation(RevokeInvitationMutation);
  const [editorNotice, setEditorNotice] = useState('');
  const profile = useCompanyProfileSubmit();
  const [message, setMessage] = useState('');
  // The editors' actions: the invitation form's errors (the address at its input), or a failed request.
  const [editorErrors, setEditorErrors] = useState<readonly FormError[] | 'failed'>([]);
  const company = result.data?.company;
  if (!company) return null;

  const initial: CompanyProfileInput = {
    name: company.name,
    legalName: company.legalName,
    taxId: company.taxId,
    legalForm: company.legalForm,
    sectors: company.sectors.map((s) => s.code),
    cpvCodes: company.cpvCodes,
    address: company.address
      ? {
          street: company.address.street,
          postalCode: company.address.postalCode,
          city: company.address.city,
          neighbourhoodCode: company.neighbourhood?.code ?? null,
          districtCode: company.district?.code ?? null,
          // An approximate location is the neighbourhood's point: it follows from the neighbourhood.
          ...(company.address.location && !company.address.locationApproximate
            ? { lat: company.address.location.lat, lng: company.address.location.lng }
            : {}),
        }
      : null,
    website: company.website,
    email: company.email,
    phone: company.phone,
    employees: company.employees,
    foundedYear: company.foundedYear,
    descriptions: company.descriptions,
    certifications: company.certifications.map((c) => c.code),
    socialClauses: company.socialClauses.map((c) => c.code),
    insertionCompany: company.insertionCompany,
    specialEmploymentCentre: company.specialEmploymentCentre,
  };

  /** The userErrors of an editors' action, or 'failed' when the request got no answer. */
  const answered = (problems: readonly FormError[] | undefined) => {
    setEditorErrors(problems ?? 'failed');
    return problems?.length === 0;
  };
  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const email = String(new FormData(form).get('email'));
    const response = await addEditor({ companyId: company.id, email });
    const done = answered(response.data?.addCompanyEditor.userErrors);
    setEditorNotice(done ? t('dashboard.invitationSent') : '');
    if (done) {
      form.reset();
      refetch({ requestPolicy: 'network-only' });
    }
  };
  const emailInput = `editor-${company.id}`;
  const emailErrors = editorErrors === 'failed' ? [] : messagesFor(editorErrors, 'email', locale);
  const editorAlert =
    editorErrors === 'failed'
      ? t('status.error')
      : errorsElsewhere(editorErrors, ['email'])
          .map((error) => errorMessage(error, locale))
          .join(' ');

  return (
    <div className="company-panel">
      <p>
        <Link to={`/tauler/asg/${slug}`}>{t('esg.questionnaireLink')}</Link>
      </p>
      <h3>{t('dashboard.editProfile')}</h3>
      <p className="hint">{t('dashboard.reviewNote')}</p>
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      <CompanyProfileForm
        key={company.id}
        initial={initial}
        {...profile.formState}
        submitLabel={t('dashboard.submitForReview')}
        onSubmit={async (input) => {
          const payload = await profile.submit(
            async () => (await update({ companyId: company.id, input })).data?.updateCompanyProfile,
            (answer) => Boolean(answer.revision),
          );
          if (!payload) return;
          setMessage(t('dashboard.changesSent'));
          onChanged();
        }}
      />
      <h3>{t('dashboard.editors')}</h3>
      <ul className="plain-list">
        {company.editors.map((person) => (
          <li key={person.accountId}>
            {person.email}{' '}
            <button
              type="button"
              className="link-button"
              onClick={async () => {
                const response = await removeEditor({ companyId: company.id, accountId: person.accountId });
                answered(response.data?.removeCompanyEditor.userErrors);
                setEditorNotice('');
                refetch({ requestPolicy: 'network-only' });
              }}
            >
              {t('dashboard.removeEditor')} <span className="visually-hidden">{person.email}</span>
            </button>
          </li>
        ))}
      </ul>
      {company.editorInvitations.length > 0 && (
        <>
          <h4>{t('dashboard.pendingInvitations')}</h4>
          <ul className="plain-list">
            {company.editorInvitations.map((invitation) => (
              <li key={invitation.id}>
                {invitation.email} ({t('dashboard.expiresOn', { date: invitation.expiresAt })}){' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={async () => {
                    const response = await revokeInvitation({ id: invitation.id });
                    answered(response.data?.revokeEditorInvitation.userErrors);
                    setEditorNotice('');
                    refetch({ requestPolicy: 'network-only' });
                  }}
                >
                  {t('dashboard.revokeInvitation')}{' '}
                  <span className="visually-hidden">{invitation.email}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <form className="form inline-form" onSubmit={add} noValidate>
        <label htmlFor={emailInput}>{t('dashboard.addEditor')}</label>
        <input
          id={emailInput}
          name="email"
          type="email"
          required
          aria-invalid={emailErrors.length > 0}
          aria-describedby={emailErrors.length > 0 ? `${emailInput}-error` : undefined}
        />
        <button type="submit">{t('dashboard.add')}</button>
        <FieldError id={`${emailInput}-error`} messages={emailErrors} />
      </form>
      {editorAlert && (
        <p role="alert" className="error">
          {editorAlert}
        </p>
      )}
      {editorNotice && (
        <p role="status" className="notice">
          {editorNotice}
        </p>
      )}
    </div>
  );
}
