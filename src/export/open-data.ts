import { stringify } from 'csv-stringify/sync';

/** One contract as open data: its social return condition and its results (no person ever). */
export interface OpenContract {
  reference: string;
  title: string;
  supplierName: string;
  supplierKvk: string;
  kind: string;
  regime: string;
  reserved: string | null;
  valueCents: number;
  totalValueCents: number;
  obligationCents: number;
  startDate: string;
  endDate: string;
  awardDate: string;
  realisedCents: number;
  verifiedCents: number;
}

export interface Publisher {
  slug: string;
  name: string;
  /** Where this package can be fetched again. */
  uri: string;
  publishedDate: string; // ISO date-time
}

const columns = [
  'reference',
  'title',
  'supplierName',
  'supplierKvk',
  'kind',
  'regime',
  'reserved',
  'startDate',
  'endDate',
  'awardDate',
  'valueCents',
  'totalValueCents',
  'obligationCents',
  'realisedCents',
  'verifiedCents',
] as const;

/** Text a spreadsheet would run as a formula is prefixed with a quote (CSV injection). */
const safe = (v: unknown) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** The contracts as CSV: UTF-8 with BOM, comma separated, amounts in cents (machine-readable, like the API). */
export function openDataCsv(rows: readonly OpenContract[]): string {
  return stringify(
    rows.map((r) => columns.map((c) => safe(r[c] ?? ''))),
    { header: true, columns: [...columns], bom: true, record_delimiter: '\r\n' },
  );
}

const euros = (c: number) => ({ amount: c / 100, currency: 'EUR' });
const dateTime = (d: string) => `${d}T00:00:00Z`;

/**
 * The contracts as an OCDS 1.1 release package (one `contract` release per contract). The social
 * return condition and results travel in `contracts[].socialReturn` (an extension field: OCDS has no
 * core field for them) and, for reserved contracts, `tender.eligibilityCriteria`. The ocid prefix
 * `ocds-retour-` is not registered with the Open Contracting Partnership: a municipality that
 * publishes to a registry replaces it with its own (decision 017).
 */
export function openDataOcds(publisher: Publisher, rows: readonly OpenContract[], today: string) {
  const buyerId = `NL-RETOUR-${publisher.slug}`;
  return {
    uri: publisher.uri,
    version: '1.1',
    publishedDate: publisher.publishedDate,
    publisher: { name: publisher.name },
    license: 'https://creativecommons.org/publicdomain/zero/1.0/',
    publicationPolicy: null,
    releases: rows.map((r) => {
      const ocid = `ocds-retour-${publisher.slug}-${encodeURIComponent(r.reference)}`;
      const supplierId = `NL-KVK-${r.supplierKvk}`;
      const supplier = { id: supplierId, name: r.supplierName };
      const period = { startDate: dateTime(r.startDate), endDate: dateTime(r.endDate) };
      const reservedText =
        r.reserved === 'pso30plus'
          ? 'Voorbehouden opdracht: de opdrachtnemer heeft een geldig PSO 30+-certificaat.'
          : r.reserved === 'targetGroupShare'
            ? 'Voorbehouden opdracht: ten minste 30% van het personeel van de opdrachtnemer behoort tot de doelgroepen.'
            : undefined;
      return {
        ocid,
        id: `${ocid}-${r.awardDate}`,
        date: dateTime(r.awardDate),
        tag: ['contract'],
        initiationType: 'tender',
        language: 'nl',
        buyer: { id: buyerId, name: publisher.name },
        parties: [
          { id: buyerId, name: publisher.name, roles: ['buyer', 'procuringEntity'] },
          {
            ...supplier,
            identifier: { scheme: 'NL-KVK', id: r.supplierKvk, legalName: r.supplierName },
            roles: ['supplier'],
          },
        ],
        tender: {
          id: r.reference,
          title: r.title,
          status: 'complete',
          ...(r.kind === 'works' ? { mainProcurementCategory: 'works' } : {}),
          contractPeriod: period,
          ...(reservedText ? { eligibilityCriteria: reservedText } : {}),
        },
        awards: [
          {
            id: `${r.reference}-award`,
            status: 'active',
            date: dateTime(r.awardDate),
            value: euros(r.valueCents),
            suppliers: [supplier],
          },
        ],
        contracts: [
          {
            id: r.reference,
            awardID: `${r.reference}-award`,
            title: r.title,
            status: r.endDate < today ? 'terminated' : r.startDate > today ? 'pending' : 'active',
            period,
            value: euros(r.totalValueCents),
            socialReturn: {
              regime: r.regime,
              reserved: r.reserved,
              obligation: euros(r.obligationCents),
              realised: euros(r.realisedCents),
              verified: euros(r.verifiedCents),
            },
          },
        ],
      };
    }),
  };
}
