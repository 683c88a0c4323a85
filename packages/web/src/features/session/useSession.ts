import { useMutation, useQuery } from 'urql';
import { graphql } from '../../lib/graphql.ts';

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
  const [result, refetch] = useQuery({ query: SessionQuery, requestPolicy: 'cache-and-network' });
  const [, logout] = useMutation(LogoutMutation);
  const account = result.data?.me ?? null;
  return {
    account,
    isStaff: account?.role === 'STAFF' || account?.role === 'ADMIN',
    /** May keep shortlists: procurement officers and staff. */
    isProcurement:
      account?.role === 'PROCUREMENT_OFFICER' || account?.role === 'STAFF' || account?.role === 'ADMIN',
    refresh: () => refetch({ requestPolicy: 'network-only' }),
    signOut: async () => {
      await logout({});
      refetch({ requestPolicy: 'network-only' });
    },
  };
}
