import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeOcds, readOcdsContracts } from './ocds-contracts.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/ocds/${name}`, import.meta.url), 'utf8'));

describe('OCDS merging', () => {
  it.each([
    {
      case: 'objects merge field by field',
      a: { x: 1, y: { p: 1 } },
      b: { y: { q: 2 } },
      out: { x: 1, y: { p: 1, q: 2 } },
    },
    { case: 'null removes a field', a: { x: 1, y: 2 }, b: { y: null }, out: { x: 1 } },
    {
      case: 'arrays of objects merge by id',
      a: { list: [{ id: '1', v: 1 }] },
      b: { list: [{ id: '1', w: 2 }, { id: '2' }] },
      out: { list: [{ id: '1', v: 1, w: 2 }, { id: '2' }] },
    },
    {
      case: 'other arrays are replaced',
      a: { tag: ['award'] },
      b: { tag: ['contract'] },
      out: { tag: ['contract'] },
    },
  ])('$case', ({ a, b, out }) => expect(mergeOcds(a, b)).toEqual(out));
});

describe('contracts out of OCDS packages', () => {
  it('reads the published record package: GB-COH supplier kept with its scheme, maxExtentDate, works, transactions', () => {
    const { rows, issues } = readOcdsContracts(fixture('derived-record-package-eur-2026.json'));
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      {
        row: 1,
        path: 'records.0.compiledRelease.contracts.0',
        reference: 'ocds-213czf-000-00001-contract-01',
        title: 'Contract to build new cycle lanes in the centre of town.',
        supplier: { key: 'GB-COH-11111111.0', scheme: 'GB-COH', name: 'AnyCorp Cycle Provision' },
        valueCents: 1_100_000_000,
        startDate: '2026-07-01',
        endDate: '2027-06-30',
        maxExtentDate: '2027-12-31',
        awardDate: '2026-05-10',
        kind: 'works',
        invoices: [
          { date: '2026-08-01', amountCents: 5_000_000 },
          { date: '2026-10-01', amountCents: 1_000_000 },
        ],
      },
    ]);
  });

  it('refuses the published GBP amounts without converting them', () => {
    const { rows, issues } = readOcdsContracts(fixture('sample-contract-release-package.json'));
    expect(rows).toEqual([]);
    expect(issues).toEqual([
      {
        row: 1,
        column: 'releases.0.contracts.0.value',
        reason: 'the amount is in GBP: only EUR is read (no exchange rate is guessed)',
      },
    ]);
  });

  it('compiles the releases of one ocid in date order before reading (award, then contract)', () => {
    const supplier = {
      id: 'S',
      name: 'Bouw B.V.',
      roles: ['supplier'],
      identifier: { scheme: 'NL-KVK', id: '12345678' },
    };
    const pkg = {
      releases: [
        {
          ocid: 'o-1',
          date: '2026-02-01T00:00:00Z',
          contracts: [
            {
              id: 'c1',
              awardID: 'a1',
              title: 'Bouw',
              value: { amount: 1000, currency: 'EUR' },
              period: { startDate: '2026-03-01', endDate: '2026-12-31' },
            },
          ],
        },
        {
          ocid: 'o-1',
          date: '2026-01-15T00:00:00Z',
          parties: [supplier],
          awards: [{ id: 'a1', date: '2026-01-15T00:00:00Z', suppliers: [{ id: 'S' }] }],
          tender: { mainProcurementCategory: 'goods' },
        },
      ],
    };
    const { rows, issues } = readOcdsContracts(pkg);
    expect(issues).toEqual([]);
    expect(rows[0]).toMatchObject({
      reference: 'c1',
      supplier: { key: '12345678', scheme: 'NL-KVK' },
      awardDate: '2026-01-15',
      kind: 'servicesAndSupplies',
      maxExtentDate: null,
    });
  });

  it.each([
    {
      case: 'not a package',
      pkg: { hello: 1 },
      reason: 'is not an OCDS release package or record package (no releases or records)',
    },
    { case: 'no contracts', pkg: { releases: [{ ocid: 'x' }] }, reason: 'the package has no contracts' },
  ])('refuses $case as a whole', ({ pkg, reason }) =>
    expect(readOcdsContracts(pkg).issues).toEqual([{ row: 0, column: '(body)', reason }]),
  );

  it('a supplier without an identifier cannot be matched', () => {
    const pkg = {
      releases: [
        {
          ocid: 'o',
          parties: [{ id: 'S', name: 'Naamloos', roles: ['supplier'] }],
          awards: [{ id: 'a', date: '2026-01-01', suppliers: [{ id: 'S' }] }],
          contracts: [
            {
              id: 'c',
              awardID: 'a',
              title: 'T',
              value: { amount: 1, currency: 'EUR' },
              period: { startDate: '2026-01-01', endDate: '2026-12-31' },
            },
          ],
        },
      ],
    };
    expect(readOcdsContracts(pkg).issues).toEqual([
      {
        row: 1,
        column: 'releases.0.contracts.0.awardID',
        reason: 'the supplier Naamloos has no identifier (scheme and id): it cannot be matched',
      },
    ]);
  });
});
