import { Hono } from 'hono';
import type { AppDeps } from '../app/deps.ts';
import { createApi } from './api.ts';
import { errorToResponse, problemResponse } from './problem.ts';
import { apiHeaderRecord, securityHeaders } from './security-headers.ts';
import { serveWeb } from './static.ts';

/** The whole HTTP surface on one port: the API under /api/v1 and the web UI everywhere else. */
export function createApp(deps: AppDeps, options: { webDir?: string } = {}) {
  const app = new Hono();
  const apiVersion = { 'API-Version': deps.config.apiVersion };
  // Liveness answers before any middleware, with the API's headers written out once: a load
  // balancer's probe costs as little as the server can answer (issue 14). The API documents it.
  const alive = {
    'Content-Type': 'application/json',
    ...apiHeaderRecord(deps.config.secure),
    ...apiVersion,
  };
  app.get('/api/v1/health', () => new Response('{"status":"ok"}', { headers: alive }));
  app.use('*', securityHeaders(deps.config.secure));
  app.route('/api/v1', createApi(deps));
  // Errors and unknown paths are mapped here once, for the API and the UI alike.
  app.onError((error, c) => {
    const res = errorToResponse(c, error);
    if (c.req.path.startsWith('/api/')) res.headers.set('API-Version', deps.config.apiVersion);
    return res;
  });
  if (options.webDir) serveWeb(app, options.webDir);
  app.notFound((c) =>
    problemResponse(
      c,
      {
        type: 'about:blank',
        status: 404,
        title: 'Not found',
        detail: `No such endpoint: ${c.req.method} ${c.req.path}`,
      },
      c.req.path.startsWith('/api/') ? apiVersion : {},
    ),
  );
  return app;
}
