import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('foundation', () => {
  it('answers health ok with the API-Version header', async () => {
    const res = await t.app.request('/api/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('API-Version')).toBe('0.1.0');
  });

  it('answers liveness without reading the request: a bad token or a control character is not looked at', async () => {
    const res = await t.app.request('/api/v1/health?x=%00', { headers: { Authorization: 'Bearer nope' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers readiness once the database answers', async () => {
    const res = await t.app.request('/api/v1/ready');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('API-Version')).toBe('0.1.0');
  });

  it('serves an OpenAPI 3.1 document', async () => {
    const res = await t.app.request('/api/v1/openapi.json');
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/health');
  });

  it('answers an unknown endpoint with problem+json 404', async () => {
    const res = await t.app.request('/api/v1/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(res.headers.get('API-Version')).toBe('0.1.0');
    expect(await res.json()).toMatchObject({ status: 404, title: 'Niet gevonden' });
  });

  it('sends security headers', async () => {
    const res = await t.app.request('/api/v1/health');
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('Content-Security-Policy')).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
  });
});
