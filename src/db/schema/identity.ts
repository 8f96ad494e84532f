import { boolean, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id } from './columns.ts';
import { tenants } from './tenancy.ts';
import { initiatives, suppliers } from './parties.ts';

export const users = pgTable('users', {
  id: id(),
  /** Stored lower-cased. */
  email: text('email').notNull().unique(),
  name: text('name').notNull().default(''),
  /** argon2id PHC string; null until the user sets a password (invitation, SSO only). */
  passwordHash: text('password_hash'),
  locale: text('locale').notNull().default('nl'),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: createdAt(),
});

/**
 * A role of a user in one tenant. `platformAdmin` has tenant null. A supplier user is bound to one
 * supplier organisation, an initiative user to one initiative.
 */
export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tenantId: uuid('tenant_id').references(() => tenants.id),
    role: text('role').notNull(),
    supplierId: uuid('supplier_id').references(() => suppliers.id),
    initiativeId: uuid('initiative_id').references(() => initiatives.id),
    /** Disabled by the municipality's admin: its sessions and tokens stop working, the row stays. */
    disabled: boolean('disabled').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('memberships_user').on(t.userId),
    index('memberships_tenant').on(t.tenantId),
    unique('memberships_key')
      .on(t.userId, t.tenantId, t.role, t.supplierId, t.initiativeId)
      .nullsNotDistinct(),
  ],
);

/** Browser sessions. The cookie holds a random token; the database only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The tenant this session acts in; switched explicitly. */
    tenantId: uuid('tenant_id').references(() => tenants.id),
    /** The membership (tenant + role) this session acts with. */
    membershipId: uuid('membership_id').references(() => memberships.id),
    csrfToken: text('csrf_token').notNull(),
    /** 'password' or 'oidc': a single sign-on session stays in its provider's tenant. */
    via: text('via').notNull().default('password'),
    createdAt: createdAt(),
    lastSeenAt: at('last_seen_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** API tokens for integrations, scoped to one membership (tenant, role, organisation). */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    tokenHash: text('token_hash').notNull().unique(),
    name: text('name').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id),
    /** Null only for a platform admin's token. */
    tenantId: uuid('tenant_id').references(() => tenants.id),
    createdAt: createdAt(),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [index('api_tokens_tenant').on(t.tenantId)],
);

/** One-time links: invitations and password resets. Only the hash of the secret is kept. */
export const oneTimeTokens = pgTable('one_time_tokens', {
  id: id(),
  purpose: text('purpose').notNull(), // 'invitation' | 'passwordReset'
  tokenHash: text('token_hash').notNull().unique(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  tenantId: uuid('tenant_id').references(() => tenants.id),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
  createdAt: createdAt(),
});

/** Failed sign-ins, for rate limiting per account and per IP across app instances. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: id(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [index('sign_in_attempts_email').on(t.email, t.at), index('sign_in_attempts_ip').on(t.ip, t.at)],
);

/** OpenID Connect identity provider per tenant (authorization code + PKCE). */
export const oidcProviders = pgTable(
  'oidc_providers',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    clientSecret: text('client_secret'),
    /** Role given to a user who signs in for the first time; null = only known users. */
    defaultRole: text('default_role'),
    settings: jsonb('settings').notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [unique('oidc_providers_tenant_issuer').on(t.tenantId, t.issuer)],
);

/** OIDC logins in flight (state, nonce, PKCE verifier), consumed once. */
export const oidcLogins = pgTable('oidc_logins', {
  id: id(),
  state: text('state').notNull().unique(),
  providerId: uuid('provider_id')
    .notNull()
    .references(() => oidcProviders.id),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  returnTo: text('return_to'),
  expiresAt: at('expires_at').notNull(),
  attempts: integer('attempts').notNull().default(0),
});

/**
 * Who a person is at an identity provider: (provider, subject) names one user of Retour. Sign-in
 * with single sign-on goes by this, never by the email address alone (see oidc-identity.ts).
 */
export const externalIdentities = pgTable(
  'external_identities',
  {
    id: id(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => oidcProviders.id),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [unique('external_identities_provider_subject').on(t.providerId, t.subject)],
);
