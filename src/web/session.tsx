/** Who is logged in, for every page; logging in and out. */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, setCsrfToken, whenLoggedOut } from './api';
import type { LoggedIn, Login, Role, SessionView } from '../api/index.js';

interface SessionValue {
  readonly me: SessionView | undefined;
  readonly checked: boolean;
  logIn(username: string, password: string): Promise<void>;
  logOut(): Promise<void>;
  /** Reads the session again (after the first run's set-up logged its administrator in). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionValue | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<SessionView | undefined>(undefined);
  const [checked, setChecked] = useState(false);
  const load = useCallback(async () => {
    try {
      const who = await api.get<SessionView>('/session');
      setCsrfToken(who.csrfToken);
      setMe(who);
    } catch {
      setMe(undefined);
    } finally {
      setChecked(true);
    }
  }, []);
  useEffect(() => {
    whenLoggedOut(() => setMe(undefined));
    // Loading the session is the effect's external system; load() sets state when it answers.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);
  const logIn = useCallback(
    async (username: string, password: string) => {
      const r = await api.post<LoggedIn>('/session', { username, password } satisfies Login);
      setCsrfToken(r.csrfToken);
      await load();
    },
    [load],
  );
  const logOut = useCallback(async () => {
    await api.del('/session');
    setCsrfToken(undefined);
    setMe(undefined);
  }, []);
  return (
    <SessionContext.Provider value={{ me, checked, logIn, logOut, refresh: load }}>{children}</SessionContext.Provider>
  );
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (value === undefined) throw new Error('useSession outside SessionProvider');
  return value;
}

export const hasRole = (me: SessionView | undefined, role: Role): boolean =>
  me !== undefined && Object.values(me.roles).some((r) => r.includes(role));
