/**
 * AUTHORIZATION MATRIX: every endpoint of the API × every role × same municipality / another
 * municipality / no session, generated from the route table (the OpenAPI document).
 *
 * Adding an endpoint? Add ONE line to `rules` below, keyed by `METHOD path` as in openapi.json:
 *
 *   'POST /contracts/{id}/extensions': { access: ['advisor'], scope: 'object', body: (ids) => ({ valueCents: 1 }) },
 *
 * - access: the use case's access ('public' | 'signedIn' | roles).
 * - scope:  'object' (names an object of the municipality: another municipality gets 404),
 *           'tenant' (acts on the caller's own municipality), 'none' (not municipality-bound).
 * - body:   a VALID body for the target objects (validation runs before authorization); ids are
 *           the target municipality's supplier/contract/report/activity/evidence/apiToken.
 * - status: the answer when allowed (default 200 for GET; writes: anything but 401/403/404/5xx).
 * - fresh:  'evidence' | 'activity' | 'apiToken' when the request deletes or revokes the object.
 * - foreign: status for another municipality's object when not 404 (e.g. 400 naming a body field).
 * - crossSupplier: roles that must get 404 on another supplier's object (default: supplier and
 *           contractManager when listed in access).
 * - session: only in a browser session; the cases use a session cookie, and an API token of each
 *           listed role must get 403.
 * `{id}` in a path is filled from the segment before it (see fillPath in matrix/rules.ts).
 *
 * The test fails when an endpoint has no line here, or a line names an endpoint that is gone.
 * Expected: no session 401; a role not listed 403; another municipality's object 404 and no
 * id of it in any answer; a supplier user or contract manager on another supplier's object 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../src/domain/access.ts';
import { createApi } from '../../src/http/api.ts';
import type { AppDeps } from '../../src/app/deps.ts';
import { createActor, unique } from '../factories.ts';
import { createTestApp, type TestApp } from '../test-app.ts';
import { contexts, expectedStatus, fillPath, matches, type Rule, type Who } from './matrix/rules.ts';
import {
  buildWorld,
  freshActivity,
  freshMembership,
  freshProvider,
  freshToken,
  password,
  uploadEvidence,
  type Ids,
  type World,
} from './matrix/world.ts';

const staff = ['municipalityAdmin', 'advisor', 'contractManager'] as const;
const readers = [...staff, 'supplier'] as const;
/** Who reads contracts: an independent verifier only those assigned to them (issue 16). */
const contractReaders = [...readers, 'verifier'] as const;
/** Everyone with a role in a municipality has notifications of their own (decision 027). */
const tenantRoles = [...readers, 'initiative', 'verifier'] as const;
const kvk = () => String(10_000_000 + Math.floor(Math.random() * 89_999_999));

// One line per endpoint: keep it that way (prettier-ignore), so adding an endpoint is adding a line.
// prettier-ignore
const rules: Record<string, Rule> = {
  'GET /health': { access: 'public', scope: 'none' },
  'GET /ready': { access: 'public', scope: 'none' },
  'POST /sessions': { access: 'public', scope: 'none', status: 201, body: () => ({ email: world.signInEmail, password }) },
  'DELETE /sessions/current': { access: 'signedIn', scope: 'none' },
  'PUT /sessions/current': { access: 'signedIn', scope: 'none', body: (i) => ({ tenantId: i.tenantId }) },
  'PUT /me/tenant': { access: 'signedIn', scope: 'none', body: (i) => ({ tenantId: i.tenantId }) },
  'GET /me': { access: 'signedIn', scope: 'none' },
  'GET /sessions/current': { access: 'public', scope: 'none' },
  'GET /tenants/{slug}/oidc/providers': { access: 'public', scope: 'none' },
  'GET /tenants/{slug}/oidc/login': { access: 'public', scope: 'none', status: 409 },
  'GET /oidc/callback': { access: 'public', scope: 'none', status: 302 },
  'GET /oidc-providers': { access: ['municipalityAdmin'], scope: 'tenant' },
  'POST /oidc-providers': { access: ['municipalityAdmin'], scope: 'tenant', status: 201, body: () => ({ name: 'IdP', issuer: `https://${unique('idp')}.example`, clientId: 'retour' }) },
  'DELETE /oidc-providers/{id}': { access: ['municipalityAdmin'], scope: 'object', status: 204, fresh: 'oidcProvider' },
  'GET /users': { access: ['municipalityAdmin'], scope: 'tenant' },
  'POST /invitations': { access: ['municipalityAdmin'], scope: 'tenant', status: 201, body: () => ({ email: `${unique('new')}@example.test`, role: 'advisor' }) },
  'POST /invitations/acceptance': { access: 'public', scope: 'none', status: 400, body: () => ({ token: 'x'.repeat(43), password }) },
  'POST /password-resets': { access: 'public', scope: 'none', body: () => ({ email: `${unique('nobody')}@example.test` }) },
  'POST /password-resets/completion': { access: 'public', scope: 'none', status: 400, body: () => ({ token: 'x'.repeat(43), password }) },
  'POST /api-tokens': { access: ['municipalityAdmin', 'supplier'], scope: 'tenant', status: 201, session: true, body: () => ({ name: 'matrix' }) },
  'PATCH /memberships/{id}': { access: ['municipalityAdmin'], scope: 'object', body: () => ({ role: 'advisor' }) },
  'DELETE /memberships/{id}': { access: ['municipalityAdmin'], scope: 'object', status: 204, fresh: 'membership' },
  'POST /memberships/{id}/invitation': { access: ['municipalityAdmin'], scope: 'object', status: 201 },
  'POST /memberships/{id}/password-reset': { access: ['municipalityAdmin'], scope: 'object' },
  'GET /api-tokens': { access: ['municipalityAdmin', 'supplier'], scope: 'tenant' },
  'DELETE /api-tokens/{id}': { access: ['municipalityAdmin', 'supplier'], scope: 'object', status: 204, fresh: 'apiToken', session: true },
  'GET /audit-log': { access: ['municipalityAdmin'], scope: 'tenant' },
  'GET /policies': { access: staff, scope: 'tenant' },
  'POST /policies': { access: ['municipalityAdmin'], scope: 'tenant', body: () => ({ validFrom: '2030-01-01', percentageBp: 500, planThresholdCents: 1, activityTypes: [] }) },
  'GET /activity-types': { access: 'signedIn', scope: 'tenant' },
  'GET /target-group-tables': { access: 'public', scope: 'none' },
  'GET /tenants': { access: 'public', scope: 'none' },
  'POST /estimates': { access: 'public', scope: 'none', status: 200, body: (i) => ({ tenant: i.tenantSlug, contractValueCents: 125_000_000 }) },
  'POST /tender-advice': { access: 'public', scope: 'none', status: 200, body: (i) => ({ tenant: i.tenantSlug, kind: 'works', valueCents: 125_000_000, startDate: '2027-01-01', endDate: '2028-12-31' }) },
  'GET /tender-advice/clause': { access: 'public', scope: 'none', query: 'tenant={slug}&kind=services&valueCents=50000000&startDate=2027-01-01&endDate=2027-12-31&format=pdf' },
  // The matrix municipality does not publish: the same 404 as a municipality that does not exist.
  'GET /tenants/{slug}/results': { access: 'public', scope: 'none', query: 'year=2026', status: 404 },
  'GET /tenants/{slug}/open-data': { access: 'public', scope: 'none', query: 'format=csv', status: 404 },
  'GET /publication': { access: staff, scope: 'tenant' },
  'PUT /contracts/{id}/reservation': { access: ['advisor'], scope: 'object', body: () => ({ basis: 'targetGroupShare', shareBp: 3500, validFrom: '2026-01-01', validTo: '2027-12-31' }) },
  'GET /contracts/{id}/reservation': { access: contractReaders, scope: 'object' },
  'DELETE /contracts/{id}/reservation': { access: ['advisor'], scope: 'object', status: 204 },
  'GET /suppliers/{id}/eligibility': { access: readers, scope: 'object', crossSupplier: ['supplier'] },
  'PUT /publication': { access: ['municipalityAdmin'], scope: 'tenant', body: () => ({ publishResults: false }) },
  'POST /suppliers': { access: ['advisor'], scope: 'tenant', status: 201, body: () => ({ name: unique('Leverancier'), kvkNumber: kvk() }) },
  'GET /suppliers': { access: readers, scope: 'tenant' },
  'GET /suppliers/{id}': { access: readers, scope: 'object', crossSupplier: ['supplier'] },
  'PATCH /suppliers/{id}': { access: ['advisor'], scope: 'object', body: () => ({ name: unique('Leverancier') }) },
  'GET /contract-managers': { access: ['advisor', 'municipalityAdmin'], scope: 'tenant' },
  'PATCH /contracts/{id}': { access: ['advisor'], scope: 'object', body: () => ({ title: 'Matrix' }) },
  'POST /contracts': { access: ['advisor'], scope: 'object', status: 201, foreign: 400, body: (i) => ({ reference: unique('M'), title: 'Matrix', supplierId: i.supplierId, valueCents: 125_000_000, startDate: '2026-01-01', endDate: '2027-12-31' }) },
  'GET /contracts': { access: contractReaders, scope: 'tenant' },
  'GET /contracts/{id}': { access: contractReaders, scope: 'object' },
  'POST /contract-imports': { access: ['advisor'], scope: 'tenant', query: 'dryRun=true', body: () => ({ version: '1.1', releases: [] }) },
  'GET /contracts/{id}/invoices': { access: contractReaders, scope: 'object' },
  'PUT /contracts/{id}/invoices/{period}': { access: ['advisor'], scope: 'object', body: () => ({ amountCents: 100 }) },
  'POST /contracts/{id}/extensions': { access: ['advisor'], scope: 'object', body: () => ({ valueCents: 100 }) },
  'GET /contracts/{id}/reports': { access: contractReaders, scope: 'object' },
  'GET /reports/{id}': { access: contractReaders, scope: 'object' },
  'GET /contracts/{id}/reports/{period}/template': { access: ['supplier', 'advisor'], scope: 'object' },
  'GET /contracts/{id}/plan/template': { access: ['supplier', 'advisor'], scope: 'object' },
  'POST /contracts/{id}/plan/imports': { access: ['supplier'], scope: 'object', query: 'dryRun=true', body: () => new Blob(['Halfjaar;Soort activiteit;Aantal\r\n2026-H2;internship;1\r\n'], { type: 'text/csv' }) },
  'POST /contracts/{id}/reports/{period}/imports': { access: ['supplier', 'advisor'], scope: 'object', query: 'dryRun=true', body: () => new Blob(['Soort activiteit;Aantal\r\ninternship;1\r\n'], { type: 'text/csv' }) },
  'GET /contracts/{id}/activities': { access: contractReaders, scope: 'object' },
  'POST /contracts/{id}/activities': { access: ['supplier', 'advisor'], scope: 'object', body: () => ({ typeCode: 'internship', period: '2026-H1', units: 1 }) },
  'POST /contracts/{id}/valuations': { access: ['supplier', 'advisor'], scope: 'object', body: () => ({ typeCode: 'internship', period: '2026-H1', units: 1 }) },
  'POST /contracts/{id}/settlement': { access: ['advisor'], scope: 'object', body: () => ({ decision: 'waive', note: 'Looptijd nog niet voorbij' }) },
  'GET /contracts/{id}/settlement': { access: contractReaders, scope: 'object' },
  'GET /contracts/{id}/verifiers': { access: ['advisor', 'municipalityAdmin'], scope: 'object' },
  'POST /contracts/{id}/verifiers': { access: ['advisor', 'municipalityAdmin'], scope: 'object', body: (i) => ({ userId: i.verifierUserId }) },
  'DELETE /contracts/{id}/verifiers/{userId}': { access: ['advisor', 'municipalityAdmin'], scope: 'object', status: 204 },
  'DELETE /activities/{id}': { access: ['supplier', 'advisor'], scope: 'object', fresh: 'activity' },
  'POST /reports/{id}/submission': { access: ['supplier'], scope: 'object' },
  'POST /activities/{id}/verification': { access: ['advisor', 'verifier'], scope: 'object', body: () => ({ decision: 'accepted' }) },
  'POST /activities/{id}/answer': { access: ['supplier'], scope: 'object', body: () => ({ reply: 'Zie bijlage.' }) },
  'POST /reports/{id}/corrections': { access: ['supplier', 'advisor'], scope: 'object' },
  'PUT /contracts/{id}/intake': { access: ['advisor'], scope: 'object', body: () => ({ date: '2026-01-15' }) },
  'GET /contracts/{id}/plan': { access: contractReaders, scope: 'object' },
  'PUT /contracts/{id}/plan': { access: ['supplier'], scope: 'object', body: () => ({ items: [{ typeCode: 'internship', period: '2026-H1', units: 2 }] }) },
  'POST /contracts/{id}/plan/submission': { access: ['supplier'], scope: 'object' },
  'POST /contracts/{id}/plan/review': { access: ['advisor'], scope: 'object', body: () => ({ decision: 'approved' }) },
  'GET /contracts/{id}/plan/versions': { access: contractReaders, scope: 'object' },
  'GET /contracts/{id}/progress': { access: contractReaders, scope: 'object' },
  'GET /dashboard': { access: staff, scope: 'tenant' },
  'GET /work-queue': { access: contractReaders, scope: 'tenant' },
  'POST /reports/{id}/acceptance': { access: ['advisor', 'verifier'], scope: 'object' },
  'GET /contracts/{id}/summary': { access: staff, scope: 'object' },
  'POST /activities/{id}/evidence': { access: ['supplier', 'advisor'], scope: 'object', status: 201, body: () => pdfForm() },
  'GET /activities/{id}/evidence': { access: ['supplier', 'advisor', 'verifier'], scope: 'object' },
  'GET /evidence/{id}': { access: ['supplier', 'advisor', 'verifier'], scope: 'object' },
  'DELETE /evidence/{id}': { access: ['supplier', 'advisor'], scope: 'object', status: 204, fresh: 'evidence' },
  // Marketplace (decision 012). Both suppliers of a world share one approved initiative.
  'GET /initiatives/me': { access: ['initiative'], scope: 'tenant' },
  'PUT /initiatives/me': { access: ['initiative'], scope: 'tenant', body: (i) => ({ name: 'Matrix initiatief', description: '', themes: ['education'], targetGroups: [], needs: [{ id: i.needId, kind: 'hours', description: 'ICT', quantity: 8 }] }) },
  'POST /initiatives/me/submission': { access: ['initiative'], scope: 'tenant', status: 409 },
  'GET /initiatives': { access: ['supplier', 'advisor', 'municipalityAdmin'], scope: 'tenant' },
  'GET /initiatives/{id}': { access: ['supplier', 'initiative', 'advisor', 'municipalityAdmin'], scope: 'object', crossSupplier: [] },
  'POST /initiatives/{id}/review': { access: ['advisor', 'municipalityAdmin'], scope: 'object', status: 409, body: () => ({ decision: 'approved' }) },
  'POST /initiatives/{id}/pledges': { access: ['supplier'], scope: 'object', status: 201, body: (i) => ({ needId: i.needId, contractId: i.contractId, kind: 'hours', hours: 4, period: '2026-H1' }) },
  'GET /pledges': { access: ['supplier', 'initiative', 'advisor', 'municipalityAdmin'], scope: 'tenant' },
  // Matching (decision 026): the supplier states its strengths, advisors read them; needs ranked for a supplier.
  'GET /suppliers/{id}/strengths': { access: ['supplier', 'advisor', 'municipalityAdmin'], scope: 'object', crossSupplier: ['supplier'] },
  'PUT /suppliers/{id}/strengths': { access: ['supplier'], scope: 'object', crossSupplier: ['supplier'], body: () => ({ kinds: ['hours'], expertise: ['ICT'], hoursCapacity: 8, themes: ['education'], targetGroups: [] }) },
  'GET /needs': { access: ['supplier'], scope: 'tenant' },
  'GET /initiatives/{id}/needs/{needId}/suppliers': { access: ['initiative', 'advisor', 'municipalityAdmin'], scope: 'object', crossSupplier: [] },
  // Notifications (decision 027): only ever one's own. The target is another advisor's: 404 to everyone.
  'GET /notifications': { access: tenantRoles, scope: 'tenant' },
  'GET /notifications/unread-count': { access: tenantRoles, scope: 'tenant' },
  'POST /notifications/read-all': { access: tenantRoles, scope: 'tenant' },
  'POST /notifications/{id}/read': { access: tenantRoles, scope: 'object', status: 404, crossSupplier: [] },
  'POST /pledges/{id}/confirmation': { access: ['initiative'], scope: 'object', body: () => ({ decision: 'declined' }) },
};

// The route table: every operation in the OpenAPI document of the real API.
const doc = createApi({ config: { apiVersion: '0' } } as AppDeps).getOpenAPI31Document({
  openapi: '3.1.0',
  info: { title: 'matrix', version: '0' },
});
const endpoints = Object.entries(doc.paths ?? {}).flatMap(([path, ops]) =>
  Object.keys(ops ?? {}).map((m) => `${m.toUpperCase()} ${path}`),
);

let t: TestApp;
let world: World;
let other: World;
let platformAdmin: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t);
  other = await buildWorld(t);
  const admin = await createActor(t.deps.db, { tenantId: null, role: 'platformAdmin' });
  platformAdmin = { Authorization: `Bearer ${admin.token}` };
}, 120_000);
afterAll(() => t.close());

function pdfForm() {
  const form = new FormData();
  form.set('file', new File(['%PDF-1.4\n%%EOF\n'], 'bewijs.pdf', { type: 'application/pdf' }));
  return form;
}

function headersOf(who: Who, home: World, rule?: Rule): Record<string, string> {
  if (who === 'anonymous') return {};
  if (who === 'platformAdmin') return platformAdmin;
  return rule?.session ? home.sessions[who] : home.actors[who];
}

async function targetIds(rule: Rule, ids: Ids): Promise<Ids> {
  if (rule.fresh === 'activity') return { ...ids, activityId: await freshActivity(t.deps.db, ids) };
  if (rule.fresh === 'evidence')
    return { ...ids, evidenceId: await uploadEvidence(t, world.actors.advisor, ids.activityId) };
  if (rule.fresh === 'oidcProvider')
    return { ...ids, oidcProviderId: await freshProvider(t.deps, ids.tenantSlug) };
  if (rule.fresh === 'membership')
    return { ...ids, membershipId: await freshMembership(t.deps.db, ids.tenantId) };
  if (rule.fresh === 'apiToken') return { ...ids, apiTokenId: await freshToken(t.deps.db, ids.apiTokenId) };
  return ids;
}

/** Sends `METHOD path` as `who` (a user of `home`) against the objects `ids`. */
async function send(key: string, rule: Rule, headers: Record<string, string>, target: Ids) {
  const [method = 'GET', path = '/'] = key.split(' ');
  const ids = await targetIds(rule, target);
  const body = rule.body?.(ids);
  // FormData (multipart) and Blob (a file as the body, with its own type) are sent as they are
  const json = body !== undefined && !(body instanceof FormData) && !(body instanceof Blob);
  const url = `/api/v1${fillPath(path, ids)}${rule.query ? `?${fillPath(rule.query, ids)}` : ''}`;
  const res = await t.app.request(url, {
    method,
    headers: { ...headers, ...(json ? { 'Content-Type': 'application/json' } : {}) },
    ...(body === undefined ? {} : { body: json ? JSON.stringify(body) : (body as FormData | Blob) }),
  });
  return { status: res.status, text: await res.text() };
}

/** No answer to someone outside may carry an id of the target's objects. */
function leaked(text: string, ids: Ids): string[] {
  const { tenantSlug: _slug, ...idsOnly } = ids;
  return Object.entries(idsOnly)
    .filter(([, id]) => text.includes(id))
    .map(([name]) => name);
}

describe('authorization matrix', () => {
  it('has a rule for every endpoint, and no rule for an endpoint that is gone', () => {
    expect(
      endpoints.filter((e) => !rules[e]),
      'endpoints without a rule',
    ).toEqual([]);
    expect(
      Object.keys(rules).filter((k) => !endpoints.includes(k)),
      'rules without an endpoint',
    ).toEqual([]);
  });

  const cases = endpoints.flatMap((key) =>
    contexts.map(({ who, where }) => {
      const rule = rules[key];
      const expected = rule ? expectedStatus(rule, key.split(' ')[0] ?? 'GET', who, where) : 0;
      return { key, who, where, expected, rule };
    }),
  );

  it.each(cases)(
    '$key as $who of the $where municipality → $expected',
    async ({ key, who, where, expected, rule }) => {
      if (!rule) throw new Error(`No rule for ${key}: add one to rules at the top of this file`);
      const res = await send(key, rule, headersOf(who, where === 'same' ? world : other, rule), world.own);
      expect(matches(expected, res.status), `${res.status} ${res.text.slice(0, 300)}`).toBe(true);
      if (rule.scope !== 'none' && (where === 'other' || who === 'anonymous'))
        expect(leaked(res.text, world.own)).toEqual([]);
    },
  );

  const scoped = endpoints.flatMap((key) => {
    const rule = rules[key];
    if (!rule || rule.scope !== 'object' || rule.access === 'public' || rule.access === 'signedIn') return [];
    return (rule.crossSupplier ?? (['supplier', 'contractManager', 'verifier'] as const))
      .filter((who) => who !== 'platformAdmin' && (rule.access as readonly string[]).includes(who))
      .map((who) => who as Exclude<typeof who, 'platformAdmin'>)
      .map((who) => ({ key, who, rule }));
  });

  it.each(scoped)("$key as $who on another supplier's object → 404", async ({ key, who, rule }) => {
    const res = await send(key, rule, headersOf(who, world, rule), world.otherSupplier);
    expect(res.status, res.text.slice(0, 300)).toBe(404);
    expect(leaked(res.text, world.otherSupplier)).toEqual([]);
  });

  const sessionOnly = endpoints.flatMap((key) => {
    const rule = rules[key];
    if (!rule?.session || rule.access === 'public' || rule.access === 'signedIn') return [];
    return rule.access
      .filter((who) => who !== 'platformAdmin')
      .map((who) => ({ key, who: who as Exclude<typeof who, 'platformAdmin'>, rule }));
  });

  it.each(sessionOnly)(
    '$key as $who with an API token (session-only endpoint) → 403',
    async ({ key, who, rule }) => {
      const res = await send(key, rule, world.actors[who], world.own);
      expect(res.status, res.text.slice(0, 300)).toBe(403);
    },
  );

  it('covers every role', () => {
    expect(new Set(contexts.map((c) => c.who))).toEqual(new Set(['anonymous', ...roles]));
  });
});
