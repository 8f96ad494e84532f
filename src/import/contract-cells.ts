import { isBlank, readDate, type RawCell, type Read } from './cells.ts';

/**
 * Cell readers for the contract import's columns (decision 022): one cell in, a value or a reason
 * out, never a guess. Blank cells and dates are read by the generic readers (`cells.ts`); amounts
 * stay stricter here (English grouping `1,234.56` and three decimals are refused, not read as
 * thousands: a contract value is never guessed). Pure: no I/O, no clock.
 *
 * Read the way a Dutch user means them: amounts `1.234,56`, `€ 1.234,56`, `1234.56`, `1.234` (a
 * thousand); dates `2026-07-01`, `1-7-2026`, `01/07/2026`, `1.7.2026` (day first) and real dates
 * from a spreadsheet; KvK numbers of 8 digits (a number cell that lost its leading zero gets it back).
 */

export type Cell = RawCell;
export type { Read };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = <T>(reason: string): Read<T> => ({ ok: false, reason });

/** Largest amount Retour accepts anywhere: €10 billion (as `maxAmountCents` of create-contract). */
const maxCents = 1_000_000_000_000;

export { isBlank };

/** A cell as text, trimmed; numbers as written, dates as `YYYY-MM-DD`. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** Required text of at most `max` characters. */
export function readContractText(cell: Cell, max: number): Read<string> {
  const text = cellText(cell);
  if (text === '') return no('is required');
  if (text.length > max) return no(`must have at most ${max} characters`);
  return ok(text);
}

/**
 * Euros to whole cents. A number cell is euros; text may carry `€`/`EUR` and spaces, and is read
 * Dutch first: the last `,` is the decimal mark; `.` groups thousands when followed by exactly three
 * digits (`1.234` is € 1.234,00, `1.234.567` too), else it is the decimal point (`1234.5`). More than
 * two decimals, a negative amount or one above €10 billion is refused.
 * @example readContractAmount('€ 1.234,56') // { ok: true, value: 123456 }
 */
export function readContractAmount(cell: Cell): Read<number> {
  if (isBlank(cell)) return no('is required');
  if (typeof cell === 'number') return centsOf(String(cell), cell);
  if (typeof cell !== 'string') return no('must be an amount in euros');
  const raw = cell.trim();
  const text = raw
    .replace(/^(?:€|EUR)\s*/i, '')
    .replace(/\s*(?:€|EUR)$/i, '')
    .replace(/[\s\u00a0]/g, '');
  if (text.startsWith('-')) return no('must not be negative');
  if (!/^\d[\d.,]*$/.test(text)) return no(`not an amount in euros: "${raw}"`);
  const comma = text.lastIndexOf(',');
  let plain: string;
  if (comma >= 0) {
    // Dutch: dots group thousands, the one comma is the decimal mark
    const whole = text.slice(0, comma);
    const decimals = text.slice(comma + 1);
    if (decimals.includes('.') || !groupedOrPlain(whole, '.')) return no(`not an amount in euros: "${raw}"`);
    plain = `${whole.replaceAll('.', '')}.${decimals}`;
  } else if (groupedOrPlain(text, '.') && text.includes('.')) {
    plain = text.replaceAll('.', ''); // 1.234 or 1.234.567: thousands
  } else if ((text.match(/\./g) ?? []).length === 1) {
    plain = text; // 1234.5: a decimal point
  } else if (!text.includes('.')) {
    plain = text;
  } else return no(`not an amount in euros: "${raw}"`);
  return centsOf(plain, Number(plain));
}

/** `1.234.567` (groups of three after a first group of 1–3 digits) or digits only. */
function groupedOrPlain(text: string, mark: string): boolean {
  if (!text.includes(mark)) return /^\d+$/.test(text);
  const parts = text.split(mark);
  const [first = '', ...rest] = parts;
  return /^\d{1,3}$/.test(first) && rest.every((p) => /^\d{3}$/.test(p));
}

function centsOf(plain: string, euros: number): Read<number> {
  if (!Number.isFinite(euros)) return no(`not an amount in euros: "${plain}"`);
  if (euros < 0) return no('must not be negative');
  const decimals = /\.(\d+)$/.exec(plain)?.[1] ?? '';
  if (decimals.replace(/0+$/, '').length > 2) return no('must have at most 2 decimals (whole cents)');
  const cents = Math.round(euros * 100);
  if (cents > maxCents) return no('must be at most €10 billion');
  return ok(cents);
}

/**
 * A date as the report import reads it (`cells.ts`: a spreadsheet date, `2026-07-01`, `1-7-2026`,
 * `01/07/2026`, `1.7.2026`; no two-digit years, no impossible days); required here.
 * @example readContractDate('1-7-2026') // { ok: true, value: '2026-07-01' }
 */
export function readContractDate(cell: Cell): Read<string> {
  return isBlank(cell) ? no('is required') : readDate(cell);
}

/** Optional date: blank is `null`. */
export function readOptionalContractDate(cell: Cell): Read<string | null> {
  return isBlank(cell) ? ok(null) : readContractDate(cell);
}

/**
 * A KvK number: 8 digits (spaces and dots left out). A number cell of 7 digits lost its leading
 * zero in the spreadsheet and gets it back.
 */
export function readKvkNumber(cell: Cell): Read<string> {
  if (isBlank(cell)) return no('is required');
  if (typeof cell === 'number') {
    if (!Number.isSafeInteger(cell) || cell < 0 || cell > 99_999_999)
      return no('must be a KvK number of 8 digits');
    return ok(String(cell).padStart(8, '0'));
  }
  const text = cellText(cell).replace(/[\s.]/g, '');
  return /^\d{8}$/.test(text) ? ok(text) : no('must be a KvK number of 8 digits');
}

export type ContractKindValue = 'works' | 'servicesAndSupplies';

const kinds: Record<string, ContractKindValue> = {
  works: 'works',
  werken: 'works',
  werk: 'works',
  servicesandsupplies: 'servicesAndSupplies',
  services: 'servicesAndSupplies',
  supplies: 'servicesAndSupplies',
  goods: 'servicesAndSupplies',
  diensten: 'servicesAndSupplies',
  leveringen: 'servicesAndSupplies',
  dienstenenleveringen: 'servicesAndSupplies',
};

/** The contract kind; blank is `null` (not given: a new contract gets the default of `POST /contracts`). */
export function readContractKind(cell: Cell): Read<ContractKindValue | null> {
  if (isBlank(cell)) return ok(null);
  const key = cellText(cell)
    .toLowerCase()
    .replace(/[\s_-]/g, '');
  const kind = kinds[key];
  return kind ? ok(kind) : no('must be works (werken) or services/supplies (diensten/leveringen)');
}

/** An optional email address, lower case; blank is `null`. */
export function readOptionalEmail(cell: Cell): Read<string | null> {
  if (isBlank(cell)) return ok(null);
  const text = cellText(cell).toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) && text.length <= 320
    ? ok(text)
    : no('must be an email address');
}
