import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setUnauthorizedHandler } from '../../../lib/api-client.ts';
import { navigate, parseHash } from '../../../lib/router.ts';
import { fetchMe, logout as logoutRequest, type SessionUser } from '../api/auth.api.ts';

type Session = {
  /** undefined while the session is being probed, null when nobody is signed in. */
  user: SessionUser | null | undefined;
  expired: boolean;
  signedIn: (user: SessionUser) => void;
  signOut: () => Promise<void>;
};

const SessionContext = createContext<Session | undefined>(undefined);

/** Holds the signed-in user; any 401 from the API clears it and sends the browser to the login page. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    let active = true;
    fetchMe().then(
      (me) => active && setUser(me ?? null),
      () => active && setUser(null),
    );
    return () => {
      active = false;
    };
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setUser(null);
      setExpired(true);
      const { path } = parseHash(window.location.hash);
      if (path !== '/login') navigate(`/login?next=${encodeURIComponent(path)}`);
    });
    return () => setUnauthorizedHandler(undefined);
  }, []);

  const signedIn = useCallback((next: SessionUser) => {
    setExpired(false);
    setUser(next);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await logoutRequest();
    } finally {
      setUser(null);
      navigate('/login');
    }
  }, []);

  const value = useMemo(() => ({ user, expired, signedIn, signOut }), [user, expired, signedIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for pages rendered behind the login gate. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
