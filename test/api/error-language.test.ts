import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractRows } from '../factories.ts';
import { client, createMunicipality, type Json } from '../lifecycle-fixtures.ts';
import { samplePlainZip } from '../sample-files.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

// Problem details speak the request's language: Dutch by default and for `nl`, English for `en`
// (decision 015). Both the server's own validation (zod) and the use cases' refusals.

let t: TestApp;
let api: ReturnType<typeof client>;
let m: Awaited<ReturnType<typeof createMunicipality>>;

beforeAll(async () => {
  t = await createTestApp({ maxUploadBytes: 200_000 });
  api = client(t);
  m = await createMunicipality(t.deps.db);
});
afterAll(() => t.close());

const withLang = (headers: Record<string, string>, lang?: string) =>
  lang === undefined ? headers : { ...headers, 'Accept-Language': lang };

describe('language of problem details', () => {
  it.each([
    {
      case: 'no Accept-Language: Dutch',
      lang: undefined,
      detail: 'Gemeente "voorbeeld-stad-x" is hier niet bekend.',
      title: 'Niet gevonden',
      contentLanguage: 'nl',
    },
    {
      case: 'nl-NL',
      lang: 'nl-NL,nl;q=0.9,en;q=0.8',
      detail: 'Gemeente "voorbeeld-stad-x" is hier niet bekend.',
      title: 'Niet gevonden',
      contentLanguage: 'nl',
    },
    {
      case: 'en',
      lang: 'en-GB,en;q=0.9',
      detail: 'No municipality "voorbeeld-stad-x" is known here.',
      title: 'Not found',
      contentLanguage: 'en',
    },
  ])('an unknown municipality in the estimate: $case', async ({ lang, detail, title, contentLanguage }) => {
    const res = await api.post('/estimates', withLang({ 'Content-Type': 'application/json' }, lang), {
      tenant: 'voorbeeld-stad-x',
      contractValueCents: 100_000_00,
    });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ title, detail });
    expect(res.headers.get('Content-Language')).toBe(contentLanguage);
  });

  it.each([
    {
      case: 'a number above its maximum (zod)',
      path: '/estimates',
      body: { tenant: 'x', contractValueCents: 2_000_000_000_000 },
      field: 'contractValueCents',
      nl: 'mag hoogstens € 10 miljard zijn',
      en: 'must be at most €10 billion',
    },
    {
      case: 'a missing field (zod)',
      path: '/estimates',
      body: { contractValueCents: 100 },
      field: 'tenant',
      nl: 'is verplicht',
      en: 'is required',
    },
    {
      case: 'a KvK number of 7 digits (schema message)',
      path: '/suppliers',
      body: { name: 'X', kvkNumber: '1234567' },
      field: 'kvkNumber',
      nl: 'moet een KvK-nummer van 8 cijfers zijn',
      en: 'must be a KvK number of 8 digits',
    },
    {
      case: 'a name longer than 200 (zod)',
      path: '/suppliers',
      body: { name: 'x'.repeat(201), kvkNumber: '12345678' },
      field: 'name',
      nl: 'mag hoogstens 200 tekens hebben',
      en: 'must have at most 200 characters',
    },
  ])('validation reasons: $case', async ({ path, body, field, nl, en }) => {
    const dutch = await api.post(path, m.advisor.headers, body);
    expect(dutch.status).toBe(400);
    expect(dutch.body.title).toBe('Ongeldige invoer');
    expect(dutch.body.invalidParams).toContainEqual({ name: field, reason: nl });
    expect(dutch.body.detail).toContain(`${field}: ${nl}`);
    const english = await api.post(path, withLang(m.advisor.headers, 'en'), body);
    expect(english.body.invalidParams).toContainEqual({ name: field, reason: en });
    expect(english.body.title).toBe('Invalid input');
  });

  it('a refusal of a use case (duplicate KvK) in Dutch, with its field reason', async () => {
    const kvk = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
    await api.post('/suppliers', m.advisor.headers, { name: 'Eerste', kvkNumber: kvk });
    const res = await api.post('/suppliers', m.advisor.headers, { name: 'Tweede', kvkNumber: kvk });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      detail: `Er is al een leverancier met KvK-nummer ${kvk} geregistreerd.`,
      invalidParams: [{ name: 'kvkNumber', reason: 'is al geregistreerd in deze gemeente' }],
    });
  });

  it('the upload refusal in Dutch and in English', async () => {
    const rows = await createContractRows(t.deps.db, { tenantId: m.tenant.id, supplierId: m.supplier.id });
    const send = (lang?: string) => {
      const form = new FormData();
      form.set('file', new File([samplePlainZip() as Uint8Array<ArrayBuffer>], 'x.zip'));
      return t.app.request(`/api/v1/activities/${rows.activity.id}/evidence`, {
        method: 'POST',
        headers: withLang({ Authorization: m.supplierUser.headers.Authorization }, lang),
        body: form,
      });
    };
    const nl = (await (await send()).json()) as Json;
    expect(nl.detail).toMatch(/^Niet toegestaan als bewijsstuk: /);
    const en = (await (await send('en')).json()) as Json;
    expect(en.detail).toMatch(/^Not accepted as evidence: /);
  });

  it('sign-in required and no access in Dutch', async () => {
    const anonymous = await api.get('/contracts', {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ title: 'Aanmelden vereist', detail: 'Meld u eerst aan.' });
    const forbidden = await api.post('/suppliers', m.supplierUser.headers, {
      name: 'X',
      kvkNumber: '12345678',
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.detail).toBe('Deze handeling is niet toegestaan voor de rol leverancier.');
  });
});
