import { useMutation, useQuery } from 'urql';
import { graphql } from '../../lib/graphql.ts';
import { useRenewClient } from './SessionClient.tsx';

const SessionQuery = graphql(`
  query Session_Me {
    me {
      id
      email
      role
    }
  }
`);

const LogoutMutation = graphql(`
  mutation Session_Logout {
    logout {
      ok
    }
  }
`);

/** The signed-in account (the session lives in an httpOnly cookie the page cannot read). */
export function useSession() {
  const [result] = useQuery({ query: SessionQuery, requestPolicy: 'cache-and-network' });
  const [, logout] = useMutation(LogoutMutation);
  const renew = useRenewClient();
  const account = result.data?.me ?? null;
  return {
    account,
    /** Whether the answer is in: until then `account` is null for everyone. */
    known: result.data !== undefined,
    isStaff: account?.role === 'STAFF' || account?.role === 'ADMIN',
    /** May keep shortlists: procurement officers and staff. */
    isProcurement:
      account?.role === 'PROCUREMENT_OFFICER' || account?.role === 'STAFF' || account?.role === 'ADMIN',
    /** After signing in: every query is asked again, as the new account. */
    refresh: renew,
    signOut: async () => {
      await logout({});
      renew();
    },
  };
}
