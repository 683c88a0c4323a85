import {
  createContext,
  type FormEvent,
  type ReactNode,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n/i18n.tsx';
import { focusFirstError } from '../../lib/useFormErrors.ts';
import { errorMessage, type FormError, UserErrorFields } from '../../lib/user-errors.ts';
import { useSession } from '../session/useSession.ts';
import { useActiveShortlist } from './useActiveShortlist.ts';

const MineQuery = graphql(`
  query SearchShortlist_Mine {
    myShortlists(first: 100) {
      edges {
        node {
          id
          name
          viewerAccess
        }
      }
    }
  }
`);

const IncludesQuery = graphql(`
  query SearchShortlist_Includes($id: ID!, $companyIds: [ID!]!) {
    shortlist(id: $id) {
      id
      includes(companyIds: $companyIds)
      entries(first: 1) {
        totalCount
      }
    }
  }
`);

export const CreateShortlistMutation = graphql(
  `
  mutation SearchShortlist_Create($input: ShortlistInput!) {
    createShortlist(input: $input) {
      shortlist {
        id
        name
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

const AddMutation = graphql(
  `
  mutation SearchShortlist_Add($shortlistId: ID!, $companyId: ID!) {
    addToShortlist(shortlistId: $shortlistId, companyId: $companyId) {
      shortlist {
        id
        entries(first: 1) {
          totalCount
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

export const SHORTLIST_TYPES = { additionalTypenames: ['Shortlist', 'ShortlistEntry'] };

interface ShortlistTarget {
  active: { id: string; name: string } | null;
  included: ReadonlySet<string>;
  add(companyId: string, companyName: string): Promise<void>;
}

const TargetContext = createContext<ShortlistTarget | null>(null);

/**
 * For procurement officers: the shortlist that search results go to, chosen above the results,
 * with a button on each result. Renders nothing extra for anyone else.
 */
export function SearchShortlist({ companyIds, children }: { companyIds: string[]; children: ReactNode }) {
  const { t, locale } = useI18n();
  const { isProcurement } = useSession();
  const [activeId, choose] = useActiveShortlist();
  // An empty list names no Shortlist type, so the cache would not know a new one concerns it.
  const [mine] = useQuery({ query: MineQuery, pause: !isProcurement, context: SHORTLIST_TYPES });
  const owned = useMemo(
    () =>
      mine.data?.myShortlists.edges
        .map((edge) => edge.node)
        .filter((node) => node.viewerAccess === 'OWNER') ?? [],
    [mine.data],
  );
  const active = owned.find((list) => list.id === activeId) ?? owned[0] ?? null;
  const [includes] = useQuery({
    query: IncludesQuery,
    variables: { id: active?.id ?? '', companyIds },
    pause: !active || companyIds.length === 0,
    context: SHORTLIST_TYPES,
  });
  const [, addCompany] = useMutation(AddMutation);
  const [, create] = useMutation(CreateShortlistMutation);
  const [announcement, setAnnouncement] = useState('');
  const [newName, setNewName] = useState('');
  // The new list's name refused (any error of createShortlist is about it), or the request failed.
  const [createErrors, setCreateErrors] = useState<readonly FormError[]>([]);
  const [createFailed, setCreateFailed] = useState(false);
  const uid = useId();

  const target = useMemo<ShortlistTarget>(
    () => ({
      active,
      included: new Set(includes.data?.shortlist?.includes ?? []),
      async add(companyId, companyName) {
        if (!active) return;
        const response = await addCompany({ shortlistId: active.id, companyId });
        const payload = response.data?.addToShortlist;
        const problem = payload?.userErrors[0];
        setAnnouncement(
          !payload
            ? t('status.error')
            : problem
              ? `${companyName}: ${errorMessage(problem, locale)}`
              : `${companyName}: ${t('shortlist.added')} «${active.name}»`,
        );
      },
    }),
    [active, includes.data, addCompany, t, locale],
  );

  const createList = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const response = await create({ input: { name: newName } });
    const payload = response.data?.createShortlist;
    setCreateFailed(!payload);
    setCreateErrors(payload?.userErrors ?? []);
    if (!payload?.shortlist) {
      // Focus to the name refused, once it is marked, not to the page's body.
      requestAnimationFrame(() => focusFirstError(form));
      return;
    }
    setNewName('');
    choose(payload.shortlist.id);
    setAnnouncement(`${t('shortlist.created')}: «${payload.shortlist.name}»`);
  };

  const createError = createFailed
    ? t('status.error')
    : createErrors.map((error) => errorMessage(error, locale)).join(' ');

  if (!isProcurement) return <>{children}</>;
  return (
    <TargetContext.Provider value={target}>
      <section className="shortlist-bar" aria-labelledby={`${uid}-title`}>
        <h2 id={`${uid}-title`} className="shortlist-bar__title">
          {t('shortlist.workingList')}
        </h2>
        {owned.length > 0 && (
          <p className="shortlist-bar__choice">
            <label htmlFor={`${uid}-list`}>{t('shortlist.addTo')}</label>{' '}
            <select
              id={`${uid}-list`}
              value={active?.id ?? ''}
              onChange={(event) => choose(event.target.value)}
            >
              {owned.map((list) => (
                <option key={list.id} value={list.id}>
                  {list.name}
                </option>
              ))}
            </select>{' '}
            {active && (
              <Link to={`/llistes/${active.id}`}>
                {t('shortlist.open')} ({includes.data?.shortlist?.entries.totalCount ?? 0})
              </Link>
            )}
          </p>
        )}
        <form className="shortlist-bar__new" onSubmit={createList} noValidate>
          <label htmlFor={`${uid}-new`}>{t('shortlist.newName')}</label>{' '}
          <input
            id={`${uid}-new`}
            value={newName}
            onChange={(event) => setNewName(event.target.value)}
            aria-invalid={createError ? true : undefined}
            aria-describedby={createError ? `${uid}-new-error` : undefined}
            required
          />{' '}
          <button type="submit">{t('shortlist.create')}</button>
          {createError && (
            <span id={`${uid}-new-error`} className="field-error">
              {createError}
            </span>
          )}
        </form>
        <p role="status" aria-live="polite" className="shortlist-bar__status">
          {announcement}
        </p>
      </section>
      {children}
    </TargetContext.Provider>
  );
}

/** The button on a search result; nothing for those who keep no shortlists. */
export function AddToShortlistButton({ companyId, companyName }: { companyId: string; companyName: string }) {
  const { t } = useI18n();
  const target = useContext(TargetContext);
  const [busy, setBusy] = useState(false);
  // The button gives way to "On the list" once the company is added: focus goes to that text, so
  // that it does not fall to the page's body, and the next Tab goes on from this result.
  const [added, setAdded] = useState(false);
  const listed = useRef<HTMLParagraphElement>(null);
  const included = target?.included.has(companyId) ?? false;
  useEffect(() => {
    if (added && included) listed.current?.focus();
  }, [added, included]);
  if (!target?.active) return null;
  if (included) {
    return (
      <p className="company-card__listed" ref={listed} tabIndex={added ? -1 : undefined}>
        ✓ {t('shortlist.onList')}
      </p>
    );
  }
  return (
    <button
      type="button"
      className="company-card__add"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        await target.add(companyId, companyName);
        setBusy(false);
        setAdded(true);
      }}
    >
      {t('shortlist.add')}
      <span className="visually-hidden">
        : {companyName} → {target.active.name}
      </span>
    </button>
  );
}
