import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../app/deps.ts';
import type { HttpEnv } from './env.ts';
import { joinParams, problemResponse } from './problem.ts';
import { zodReason } from './zod-reasons.ts';
import { healthRoutes } from './routes/health.ts';
import { authenticate } from './authenticate.ts';
import { explanationLanguage } from './language.ts';
import { textGuard } from './text-guard.ts';
import { evidenceRoutes } from './routes/evidence.ts';
import { policyRoutes } from './routes/policies.ts';
import { estimateRoutes } from './routes/estimates.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { oidcRoutes } from './routes/oidc.ts';
import { oidcProviderRoutes } from './routes/oidc-providers.ts';
import { accountRoutes } from './routes/accounts.ts';
import { apiTokenRoutes } from './routes/api-tokens.ts';
import { auditLogRoutes } from './routes/audit-log.ts';
import { membershipRoutes } from './routes/memberships.ts';
import { supplierRoutes } from './routes/suppliers.ts';
import { contractRoutes } from './routes/contracts.ts';
import { contractImportRoutes } from './routes/contract-imports.ts';
import { contractInvoiceRoutes } from './routes/contract-invoices.ts';
import { importRoutes } from './routes/imports.ts';
import { activityRoutes } from './routes/activities.ts';
import { reportFlowRoutes } from './routes/report-flow.ts';
import { reportRoutes } from './routes/reports.ts';
import { planRoutes } from './routes/plans.ts';
import { progressRoutes } from './routes/progress.ts';
import { settlementRoutes } from './routes/settlements.ts';
import { verifierRoutes } from './routes/verifiers.ts';
import { marketplaceRoutes } from './routes/marketplace.ts';
import { matchingRoutes } from './routes/matching.ts';
import { workRoutes } from './routes/work.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { tenderRoutes } from './routes/tender.ts';
import { publicationRoutes } from './routes/publication.ts';
import { reservationRoutes } from './routes/reservations.ts';

const openApiInfo = (version: string) => ({
  openapi: '3.1.0',
  info: {
    title: 'Retour API',
    version,
    description:
      'Social return in public procurement: policies, obligations, plans, semi-annual reports, valuations and progress. Explanations (`explanation`) follow `Accept-Language`: `nl` gives Dutch, anything else English; `explanationNl` is always Dutch. Answers carry `Content-Language`.',
    contact: {
      name: 'Retour maintainers',
      email: 'maintainers@retour.example',
      url: 'https://retour.example',
    },
    license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
  },
  servers: [{ url: '/api/v1', description: 'This installation' }],
});

/** The JSON API, mounted at /api/v1. Validation errors become problem+json with invalidParams. */
export function createApi(deps: AppDeps) {
  const api = new OpenAPIHono<HttpEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const invalidParams = result.error.issues.map((issue) => ({
          name: issue.path.join('.') || '(body)',
          reason: zodReason(issue),
        }));
        return problemResponse(c, {
          type: 'about:blank',
          status: 400,
          title: 'Invalid input',
          detail: joinParams(invalidParams),
          invalidParams,
        });
      }
      return undefined;
    },
  });

  api.use('*', async (c, next) => {
    c.set('deps', deps);
    if (!c.var.actor) c.set('actor', null);
    c.set('csrfToken', null);
    await next();
    c.res.headers.set('API-Version', deps.config.apiVersion);
  });
  // Probes answer before the text guard and authentication run (they read nothing of the request).
  healthRoutes(api);
  api.use('*', textGuard);
  api.use('*', authenticate);
  api.use('*', explanationLanguage);
  evidenceRoutes(api);
  policyRoutes(api);
  estimateRoutes(api);
  sessionRoutes(api);
  oidcRoutes(api);
  oidcProviderRoutes(api);
  accountRoutes(api);
  membershipRoutes(api);
  apiTokenRoutes(api);
  auditLogRoutes(api);
  supplierRoutes(api);
  contractRoutes(api);
  contractImportRoutes(api);
  contractInvoiceRoutes(api);
  reportRoutes(api);
  activityRoutes(api);
  reportFlowRoutes(api);
  importRoutes(api);
  planRoutes(api);
  progressRoutes(api);
  settlementRoutes(api);
  verifierRoutes(api);
  marketplaceRoutes(api);
  matchingRoutes(api);
  workRoutes(api);
  notificationRoutes(api);
  tenderRoutes(api);
  publicationRoutes(api);
  reservationRoutes(api);

  api.get('/openapi.json', (c) => c.json(api.getOpenAPI31Document(openApiInfo(deps.config.apiVersion))));
  return api;
}
