import { useState } from 'react';
import { Link, Navigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { QueryState } from '../../components/ui/QueryState.tsx';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { signInPath } from '../../lib/return-path.ts';
import { CompanyPanel } from './CompanyPanel.tsx';
import {
  CompanyProfileForm,
  CreateCompanyProfileMutation,
  useCompanyProfileSubmit,
} from './CompanyProfileForm.tsx';
import { EditorInvitations, EditorInvitationsFragment } from './EditorInvitations.tsx';

const DashboardQuery = graphql(
  `
  query DashboardPage_Me {
    me {
      id
      email
      emailVerified
      ...EditorInvitations_account
      companies {
        id
        slug
        name
        status
        revisions {
          id
          kind
          status
          reason
          submittedAt
        }
      }
    }
  }
`,
  [EditorInvitationsFragment],
);

/** A company's own space: its profiles, their review outcome, and a new profile. */
export function DashboardPage() {
  const { t } = useI18n();
  const [result, refetch] = useQuery({ query: DashboardQuery, requestPolicy: 'cache-and-network' });
  const [, create] = useMutation(CreateCompanyProfileMutation);
  const profile = useCompanyProfileSubmit();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<'company' | 'claim' | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const me = result.data?.me;
  // A visitor signs in first, and comes back here.
  if (result.data && !me) return <Navigate to={signInPath('/tauler')} replace />;

  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('dashboard.title')}</h1>
      <QueryState fetching={result.fetching && !result.data} error={result.error}>
        {me && (
          <>
            {!me.emailVerified && <p className="notice">{t('dashboard.verifyEmail')}</p>}
            {created && (
              <p role="status" className="notice">
                {t(created === 'claim' ? 'dashboard.claimSent' : 'dashboard.created')}
              </p>
            )}
            <EditorInvitations account={me} onAnswered={() => refetch({ requestPolicy: 'network-only' })} />
            <h2>{t('dashboard.companies')}</h2>
            {me.companies.length === 0 && <p>{t('dashboard.none')}</p>}
            <ul className="company-list">
              {me.companies.map((company) => {
                const latest = company.revisions[0];
                return (
                  <li key={company.id} className="company-card">
                    <h3>
                      <Link to={`/empreses/${company.slug}`}>{company.name}</Link>
                    </h3>
                    <p>
                      {t('dashboard.status')}: <strong>{t(`companyStatus.${company.status}`)}</strong>
                    </p>
                    {latest && (
                      <p>
                        {t(`revisionKind.${latest.kind}`)}: {t(`revisionStatus.${latest.status}`)}
                        {latest.reason ? ` — ${t('dashboard.reason')}: ${latest.reason}` : ''}
                      </p>
                    )}
                    <button
                      type="button"
                      aria-expanded={editing === company.slug}
                      onClick={() => setEditing(editing === company.slug ? null : company.slug)}
                    >
                      {t('dashboard.edit')} <span className="visually-hidden">{company.name}</span>
                    </button>
                    {editing === company.slug && (
                      <CompanyPanel
                        slug={company.slug}
                        onChanged={() => refetch({ requestPolicy: 'network-only' })}
                      />
                    )}
                  </li>
                );
              })}
            </ul>
            {creating ? (
              <section aria-labelledby="new-company-title">
                <h2 id="new-company-title">{t('dashboard.newCompany')}</h2>
                <CompanyProfileForm
                  {...profile.formState}
                  submitLabel={t('dashboard.submitForReview')}
                  onSubmit={async (input) => {
                    const payload = await profile.submit(
                      async () => (await create({ input })).data?.createCompanyProfile,
                      (answer) => Boolean(answer.company || answer.claim),
                    );
                    if (!payload) return;
                    setCreating(false);
                    setCreated(payload.company ? 'company' : 'claim');
                    refetch({ requestPolicy: 'network-only' });
                  }}
                />
              </section>
            ) : (
              <button type="button" onClick={() => setCreating(true)}>
                {t('dashboard.newCompany')}
              </button>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
