import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

/** Serves the built UI (dist/web); unknown paths get index.html so the client router can take them. */
export function serveWeb(app: Hono, webDir: string) {
  const indexPath = join(webDir, 'index.html');
  app.use('/assets/*', serveStatic({ root: webDir }));
  app.use('*', serveStatic({ root: webDir }));
  app.get('*', (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    if (!existsSync(indexPath)) return c.text('The web UI is not built. Run npm run build.', 503);
    return c.html(readFileSync(indexPath, 'utf8'));
  });
}
