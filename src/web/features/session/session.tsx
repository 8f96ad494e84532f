import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setUnauthenticatedHandler } from '../../api.ts';
import { endpoints } from '../../lib/endpoints.ts';

export type Role =
  | 'platformAdmin'
  | 'municipalityAdmin'
  | 'advisor'
  | 'contractManager'
  | 'supplier'
  | 'initiative'
  | 'verifier';

/** One role of the user in one organisation (a platform admin's has no tenant). */
export interface Membership {
  id: string;
  role: Role;
  tenantId: string | null;
  tenantSlug: string | null;
  tenantName: string | null;
  supplierId: string | null;
  supplierName: string | null;
}

/** GET /me: who is signed in, and the organisation and role they act in now. */
export interface Me {
  user: { id: string; email: string; name: string; locale: string };
  tenant: { id: string; slug: string; name: string } | null;
  role: Role;
  supplierId: string | null;
  memberships: Membership[];
  csrfToken: string | null;
  via: 'session' | 'token';
}

/** The membership the user acts with now (for its supplier name). */
export function currentMembership(me: Me): Membership | undefined {
  return me.memberships.find((m) => m.tenantId === (me.tenant?.id ?? null) && m.role === me.role);
}

interface Session {
  me: Me | null;
  /** True until the first GET /me has answered. */
  checking: boolean;
  /** True after the user signed out here (not when the session expired). */
  signedOut: boolean;
  signIn: (email: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
  switchTenant: (tenantId: string) => Promise<void>;
  refresh: () => Promise<Me | null>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(true);
  const [signedOut, setSignedOut] = useState(false);

  const refresh = useCallback(async () => {
    try {
      // GET /sessions/current answers 200 with `me: null` for nobody, so anonymous pages log no 401.
      const { me: next } = await api.get<{ me: Me | null }>(endpoints.currentSession);
      if (!next) {
        setCsrfToken(null);
        setMe(null);
        return null;
      }
      setCsrfToken(next.csrfToken);
      setMe(next);
      return next;
    } catch (e) {
      if (!(e instanceof ApiError) || e.status === 401) {
        setCsrfToken(null);
        setMe(null);
        return null;
      }
      throw e;
    } finally {
      setChecking(false);
    }
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setMe(null);
    });
    refresh().catch(() => setChecking(false));
    return () => setUnauthenticatedHandler(null);
  }, [refresh]);

  const value = useMemo<Session>(
    () => ({
      me,
      checking,
      signedOut,
      refresh,
      signIn: async (email, password) => {
        await api.post(endpoints.sessions, { email, password });
        setSignedOut(false);
        const next = await refresh();
        if (!next) throw new ApiError(401, 'Not signed in');
        return next;
      },
      signOut: async () => {
        try {
          await api.delete(endpoints.currentSession);
        } finally {
          setCsrfToken(null);
          setSignedOut(true);
          setMe(null);
        }
      },
      switchTenant: async (tenantId) => {
        await api.put(endpoints.currentSession, { tenantId });
        await refresh();
      },
    }),
    [me, checking, signedOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

export const staffRoles: readonly Role[] = ['municipalityAdmin', 'advisor', 'contractManager'];

/** Where a role starts after signing in. */
export function homeOf(role: Role | null): string {
  switch (role) {
    case 'advisor':
    case 'municipalityAdmin':
      return '/dashboard';
    case 'contractManager':
    case 'verifier':
      return '/contracts';
    case 'supplier':
      return '/supplier';
    case 'initiative':
      return '/initiative';
    case 'platformAdmin':
      return '/users';
    default:
      return '/';
  }
}
