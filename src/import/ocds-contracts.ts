/**
 * Contracts out of an OCDS release package or record package (decision 022). Pure: a parsed JSON
 * value in, contract rows and row-numbered issues out. Nothing is guessed: a non-EUR amount, a
 * missing value or date, a contract whose supplier is not exactly one identified party, is an issue.
 *
 * Mapping: `contracts[].id` → reference, `contracts[].title` → title, `contracts[].value` → value
 * (EUR only), `contracts[].period` → start and end, `period.maxExtentDate` → the latest end date
 * options may reach (kept, not the end), the award's (`awardID`) only supplier, found in `parties`,
 * with its identifier (`NL-KVK` → the KvK number; any other scheme kept as `SCHEME-id`),
 * `awards[].date` → award date, `tender.mainProcurementCategory` → kind (works → works; services,
 * goods → servicesAndSupplies), `implementation.transactions` → invoiced amounts by date.
 */

export interface OcdsSupplier {
  /** The supplier's key in Retour: 8 digits for NL-KVK, `SCHEME-id` for any other scheme. */
  key: string;
  scheme: string;
  name: string;
}

export interface OcdsInvoice {
  date: string;
  amountCents: number;
}

export interface OcdsContractRow {
  /** 1-based position of the contract in the package (releases or records in order). */
  row: number;
  /** Where the contract is in the file, for issues: `releases.0.contracts.1`. */
  path: string;
  reference: string;
  title: string;
  supplier: OcdsSupplier;
  valueCents: number;
  startDate: string;
  endDate: string;
  maxExtentDate: string | null;
  awardDate: string;
  /** Absent `tender.mainProcurementCategory`: null (not given). */
  kind: 'works' | 'servicesAndSupplies' | null;
  invoices: OcdsInvoice[];
}

export interface OcdsIssue {
  row: number;
  column: string;
  reason: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;

/**
 * OCDS merging (compiling releases into one): objects merge field by field, arrays of objects with
 * an `id` merge by id, other arrays and values are replaced, `null` removes a field.
 */
export function mergeOcds(base: unknown, next: unknown): unknown {
  if (next === undefined) return base;
  if (isObj(base) && isObj(next)) {
    const out: Obj = { ...base };
    for (const [k, v] of Object.entries(next)) {
      if (v === null) delete out[k];
      else out[k] = mergeOcds(base[k], v);
    }
    return out;
  }
  if (Array.isArray(base) && Array.isArray(next) && next.every((x) => isObj(x) && 'id' in x)) {
    const out = base.filter(isObj).map((x) => ({ ...x }));
    for (const item of next as Obj[]) {
      const at = out.findIndex((x) => x.id === item.id);
      if (at >= 0) out[at] = mergeOcds(out[at], item) as Obj;
      else out.push(item);
    }
    return out;
  }
  return next;
}

/** The compiled releases of a package: one per `ocid`, with where each came from. */
function compiledReleases(pkg: Obj): { release: Obj; path: string }[] | string {
  if (Array.isArray(pkg.records)) {
    return pkg.records.flatMap((record, i) => {
      if (!isObj(record)) return [];
      if (isObj(record.compiledRelease))
        return [{ release: record.compiledRelease, path: `records.${i}.compiledRelease` }];
      const full = arr(record.releases).filter((r): r is Obj => isObj(r) && !('url' in r && !('ocid' in r)));
      return full.length ? [{ release: compile(full), path: `records.${i}.releases` }] : [];
    });
  }
  if (Array.isArray(pkg.releases)) {
    const byOcid = new Map<string, { releases: Obj[]; path: string }>();
    pkg.releases.forEach((r, i) => {
      if (!isObj(r)) return;
      const ocid = str(r.ocid) ?? `#${i}`;
      const entry = byOcid.get(ocid) ?? { releases: [], path: `releases.${i}` };
      entry.releases.push(r);
      byOcid.set(ocid, entry);
    });
    return [...byOcid.values()].map((e) => ({ release: compile(e.releases), path: e.path }));
  }
  return 'is not an OCDS release package or record package (no releases or records)';
}

function compile(releases: Obj[]): Obj {
  const sorted = [...releases].sort((a, b) => String(a.date ?? '').localeCompare(String(b.date ?? '')));
  return sorted.reduce<Obj>((acc, r) => mergeOcds(acc, r) as Obj, {});
}

/** The date part of an OCDS date-time (`2010-07-01T00:00:00Z` → `2010-07-01`), as published. */
function dateOf(v: unknown): string | undefined {
  const s = str(v);
  const m = s && /^(\d{4}-\d{2}-\d{2})(?:T|$)/.exec(s);
  if (!m?.[1]) return undefined;
  const d = new Date(`${m[1]}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(m[1]) ? m[1] : undefined;
}

/** An OCDS Value in euro cents, or the reason it is not one. */
function euroCents(v: unknown): { cents: number } | { reason: string } {
  if (!isObj(v) || v.amount === undefined || v.amount === null) return { reason: 'the amount is missing' };
  const amount = v.amount;
  const currency = str(v.currency);
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return { reason: 'the amount is not a number' };
  if (currency !== 'EUR')
    return {
      reason: currency
        ? `the amount is in ${currency}: only EUR is read (no exchange rate is guessed)`
        : 'the currency is missing: only EUR is read',
    };
  if (amount < 0) return { reason: 'must not be negative' };
  const cents = Math.round(amount * 100);
  if (Math.abs(amount * 100 - cents) > 1e-6) return { reason: 'must have at most 2 decimals (whole cents)' };
  if (cents > 1_000_000_000_000) return { reason: 'must be at most €10 billion' };
  return { cents };
}

function supplierKey(party: Obj): OcdsSupplier | string {
  const name = str(party.name) ?? str(isObj(party.identifier) ? party.identifier.legalName : undefined);
  const ids = [party.identifier, ...arr(party.additionalIdentifiers)].filter(isObj);
  const kvk = ids.find((i) => str(i.scheme) === 'NL-KVK');
  if (!name) return 'the supplier has no name';
  if (name.length > 200) return 'the supplier name must have at most 200 characters';
  if (kvk) {
    const digits = (str(kvk.id) ?? '').replace(/\s/g, '');
    if (!/^\d{8}$/.test(digits))
      return `the supplier's NL-KVK identifier "${str(kvk.id) ?? ''}" is not 8 digits`;
    return { key: digits, scheme: 'NL-KVK', name };
  }
  const first = ids[0];
  const scheme = first && str(first.scheme);
  const id = first && str(first.id);
  if (!scheme || !id) return `the supplier ${name} has no identifier (scheme and id): it cannot be matched`;
  if (scheme.length + id.length > 100) return 'the supplier identifier must have at most 100 characters';
  return { key: `${scheme}-${id}`, scheme, name };
}

/** The one supplier of a contract: of its award (`awardID`), else the one supplier party. */
function supplierOf(release: Obj, contract: Obj): OcdsSupplier | string {
  const awards = arr(release.awards).filter(isObj);
  const awardId = str(contract.awardID);
  const award = awardId
    ? awards.find((a) => str(a.id) === awardId)
    : awards.length === 1
      ? awards[0]
      : undefined;
  const parties = arr(release.parties).filter(isObj);
  let refs = award ? arr(award.suppliers).filter(isObj) : [];
  if (refs.length === 0)
    refs = parties.filter((p) => arr(p.roles).includes('supplier')).map((p) => ({ id: p.id, name: p.name }));
  if (refs.length === 0) return 'no supplier: the award names none and no party has the role supplier';
  if (refs.length > 1)
    return `ambiguous supplier: ${refs.length} suppliers (${refs.map((r) => str(r.name) ?? str(r.id) ?? '?').join(', ')}); a contract has one supplier in Retour`;
  const ref = refs[0] as Obj;
  const party = parties.find((p) => p.id !== undefined && p.id === ref.id);
  if (!party) return `the supplier ${str(ref.name) ?? str(ref.id) ?? ''} is not among the parties`.trim();
  return supplierKey(party);
}

/**
 * Every contract of an OCDS release package (releases of one `ocid` are compiled first) or record
 * package (`compiledRelease`, else the record's full releases compiled), with every issue.
 */
export function readOcdsContracts(pkg: unknown): { rows: OcdsContractRow[]; issues: OcdsIssue[] } {
  const rows: OcdsContractRow[] = [];
  const issues: OcdsIssue[] = [];
  if (!isObj(pkg)) return { rows, issues: [{ row: 0, column: '(body)', reason: 'is not an OCDS package' }] };
  const releases = compiledReleases(pkg);
  if (typeof releases === 'string') return { rows, issues: [{ row: 0, column: '(body)', reason: releases }] };
  let n = 0;
  for (const { release, path } of releases) {
    const awards = arr(release.awards).filter(isObj);
    const tender = isObj(release.tender) ? release.tender : {};
    const category = str(tender.mainProcurementCategory);
    arr(release.contracts).forEach((item, j) => {
      n++;
      const row = n;
      const at = `${path}.contracts.${j}`;
      const issue = (column: string, reason: string) =>
        issues.push({ row, column: `${at}.${column}`, reason });
      const before = issues.length;
      if (!isObj(item)) return issue('', 'is not a contract object');
      const reference = str(item.id);
      if (!reference) issue('id', 'is required (the contract reference)');
      else if (reference.length > 100) issue('id', 'must have at most 100 characters');
      const award =
        awards.find((a) => str(a.id) === str(item.awardID)) ?? (awards.length === 1 ? awards[0] : undefined);
      const title = str(item.title) ?? str(award?.title) ?? str(tender.title);
      if (!title) issue('title', 'is required');
      else if (title.length > 300) issue('title', 'must have at most 300 characters');
      const value = euroCents(item.value);
      if ('reason' in value) issue('value', value.reason);
      const period = isObj(item.period) ? item.period : {};
      const startDate = dateOf(period.startDate);
      const endDate = dateOf(period.endDate);
      const maxExtent = period.maxExtentDate === undefined ? null : (dateOf(period.maxExtentDate) ?? 'bad');
      if (!startDate) issue('period.startDate', 'is required (a date)');
      if (!endDate) issue('period.endDate', 'is required (a date)');
      if (maxExtent === 'bad') issue('period.maxExtentDate', 'must be a date');
      const awardDate = dateOf(award?.date);
      if (!awardDate) issue('awardID', 'the award date (awards[].date) is missing');
      const supplier = supplierOf(release, item);
      if (typeof supplier === 'string') issue('awardID', supplier);
      let kind: OcdsContractRow['kind'] = null;
      if (category === 'works') kind = 'works';
      else if (category === 'services' || category === 'goods') kind = 'servicesAndSupplies';
      else if (category !== undefined && category !== 'services' && category !== 'goods')
        issues.push({
          row,
          column: `${path}.tender.mainProcurementCategory`,
          reason: 'must be works, services or goods',
        });
      const invoices: OcdsInvoice[] = [];
      const implementation = isObj(item.implementation) ? item.implementation : {};
      arr(implementation.transactions).forEach((t, k) => {
        const where = `implementation.transactions.${k}`;
        if (!isObj(t)) return issue(where, 'is not a transaction');
        const amount = euroCents(t.value ?? t.amount);
        const date = dateOf(t.date);
        if ('reason' in amount) issue(`${where}.value`, amount.reason);
        if (!date) issue(`${where}.date`, 'is required (a date)');
        if (date && 'cents' in amount) invoices.push({ date, amountCents: amount.cents });
      });
      if (issues.length > before) return;
      rows.push({
        row,
        path: at,
        reference: reference as string,
        title: title as string,
        supplier: supplier as OcdsSupplier,
        valueCents: (value as { cents: number }).cents,
        startDate: startDate as string,
        endDate: endDate as string,
        maxExtentDate: maxExtent,
        awardDate: awardDate as string,
        kind,
        invoices,
      });
    });
  }
  if (n === 0) issues.push({ row: 0, column: '(body)', reason: 'the package has no contracts' });
  return { rows, issues };
}
