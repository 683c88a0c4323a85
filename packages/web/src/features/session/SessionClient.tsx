import { createContext, type ReactNode, useCallback, useContext, useState } from 'react';
import { Provider } from 'urql';
import { createUrqlClient } from '../../lib/urql.ts';

const RenewContext = createContext<() => void>(() => {});

/**
 * The GraphQL client of one session: signing in or out starts a new one, so that nothing read
 * before (a refusal to a visitor, a list empty for them) is shown from the cache after it.
 */
export function SessionClientProvider({ children }: { children: ReactNode }) {
  const [client, setClient] = useState(() => createUrqlClient());
  const renew = useCallback(() => setClient(createUrqlClient()), []);
  return (
    <RenewContext.Provider value={renew}>
      <Provider value={client}>{children}</Provider>
    </RenewContext.Provider>
  );
}

/** Starts the client anew (an empty cache, every query asked again): after the session changes. */
export const useRenewClient = () => useContext(RenewContext);
