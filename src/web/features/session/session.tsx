import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setUnauthenticatedHandler } from '../../api.ts';

export type Role =
  'platformAdmin' | 'municipalityAdmin' | 'advisor' | 'contractManager' | 'supplier' | 'initiative';

export interface Membership {
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  role: Role;
  supplierId?: string | undefined;
  supplierName?: string | undefined;
}

export interface Me {
  user: { id: string; email: string; name: string };
  tenant: { id: string; slug: string; name: string } | null;
  role: Role | null;
  supplierId?: string | undefined;
  supplierName?: string | undefined;
  memberships: Membership[];
  csrfToken: string | null;
}

type Raw = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const obj = (v: unknown): Raw => (v && typeof v === 'object' ? (v as Raw) : {});

function membership(raw: unknown): Membership {
  const m = obj(raw);
  const tenant = obj(m.tenant);
  const supplier = obj(m.supplier);
  return {
    tenantId: str(m.tenantId ?? tenant.id),
    tenantSlug: str(m.tenantSlug ?? tenant.slug),
    tenantName: str(m.tenantName ?? tenant.name),
    role: str(m.role) as Role,
    supplierId: str(m.supplierId ?? supplier.id) || undefined,
    supplierName: str(m.supplierName ?? supplier.name) || undefined,
  };
}

/** Reads GET /me tolerantly: the identity API names the current tenant and role in one of a few shapes. */
export function normaliseMe(raw: unknown): Me {
  const r = obj(raw);
  const user = obj(r.user ?? r);
  const memberships = Array.isArray(r.memberships) ? r.memberships.map(membership) : [];
  const current = obj(r.membership ?? r.current);
  const tenant = obj(r.tenant ?? current.tenant);
  const tenantId = str(tenant.id ?? r.tenantId ?? current.tenantId);
  const fromList = memberships.find((m) => m.tenantId === tenantId) ?? memberships[0];
  const role = (str(r.role ?? current.role) || fromList?.role || null) as Role | null;
  return {
    user: { id: str(user.id), email: str(user.email), name: str(user.name) || str(user.email) },
    tenant: tenantId
      ? {
          id: tenantId,
          slug: str(tenant.slug) || fromList?.tenantSlug || '',
          name: str(tenant.name) || fromList?.tenantName || '',
        }
      : fromList
        ? { id: fromList.tenantId, slug: fromList.tenantSlug, name: fromList.tenantName }
        : null,
    role,
    supplierId: str(r.supplierId ?? obj(r.supplier).id ?? current.supplierId) || fromList?.supplierId,
    supplierName: str(obj(r.supplier).name) || fromList?.supplierName,
    memberships,
    csrfToken: str(r.csrfToken) || null,
  };
}

interface Session {
  me: Me | null;
  /** True until the first GET /me has answered. */
  checking: boolean;
  signIn: (email: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
  switchTenant: (tenantId: string) => Promise<void>;
  refresh: () => Promise<Me | null>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const next = normaliseMe(await api.get<unknown>('/me'));
      setCsrfToken(next.csrfToken);
      setMe(next);
      return next;
    } catch (e) {
      if (!(e instanceof ApiError) || e.status === 401 || e.status === 404) {
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
      refresh,
      signIn: async (email, password) => {
        await api.post('/sessions', { email, password });
        const next = await refresh();
        if (!next) throw new ApiError(401, 'Not signed in');
        return next;
      },
      signOut: async () => {
        try {
          await api.delete('/sessions/current');
        } finally {
          setCsrfToken(null);
          setMe(null);
        }
      },
      switchTenant: async (tenantId) => {
        await api.put('/sessions/current', { tenantId });
        await refresh();
      },
    }),
    [me, checking, refresh],
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
      return '/contracts';
    case 'supplier':
      return '/supplier';
    case 'platformAdmin':
      return '/users';
    default:
      return '/';
  }
}
