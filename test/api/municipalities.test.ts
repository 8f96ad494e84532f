import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPreset } from '../../src/domain/index.ts';
import { createTenant, unique } from '../factories.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

// The public list of municipalities the estimate and the tender advice choose from (issue 16).

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /tenants', () => {
  it('lists the municipalities with a policy by name, with only their name and slug, without signing in', async () => {
    const policy = { ...getPreset('amsterdam'), validFrom: '2020-01-01' };
    const tag = unique('x');
    const b = await createTenant(t.deps.db, { name: `Gemeente B ${tag}`, policy });
    const a = await createTenant(t.deps.db, { name: `Gemeente A ${tag}`, policy });
    const none = await createTenant(t.deps.db, { name: `Gemeente C ${tag}` });
    const res = await t.app.request('/api/v1/tenants');
    expect(res.status).toBe(200);
    const items = ((await res.json()) as { items: Record<string, unknown>[] }).items;
    const ours = items.filter((m) => String(m.name).endsWith(tag));
    expect(ours).toEqual([
      { slug: a.slug, name: a.name },
      { slug: b.slug, name: b.name },
    ]);
    expect(items.map((m) => m.slug)).not.toContain(none.slug);
    const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
    const names = items.map((m) => String(m.name));
    expect(names).toEqual([...names].sort(collator.compare));
  });
});
