import { isIsoDate } from '../domain/dates.ts';

/**
 * Cell readers for files in (decision 021): one cell of a CSV or XLSX sheet read the way a Dutch
 * user meant it, or refused with a reason in English (Dutch at the HTTP edge, problem-dutch.ts).
 * Pure functions over what a sheet reader hands over: text (CSV, XLSX text cells), numbers and
 * dates (XLSX number and date cells). Generic: report, plan and contract imports read with these.
 */
export type RawCell = string | number | boolean | Date | null | undefined;
export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = <T>(reason: string): Read<T> => ({ ok: false, reason });

/** An empty cell: nothing, or only spaces. */
export const isBlank = (cell: RawCell) =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/**
 * Text that a spreadsheet would run as a formula when the CSV is opened (`=SUM(A1)`, `@cmd`,
 * `+A1*2`, `-2+3`): refused, never stored. A plain signed number (`-12,5`, `+31`) is not a formula.
 */
export function looksLikeFormula(text: string): boolean {
  const s = text.trim();
  if (/^[=@]/.test(s)) return true;
  if (!/^[+-]/.test(s)) return false;
  return !/^[+-]\s*€?\s*[\d.,]+$/.test(s);
}

/**
 * A decimal number in Dutch or English notation, at most `decimals` decimals, as a JS number.
 * `1.234,56` = `1234,56` = `1234.56` = `1,234.56` = 1234.56. One separator followed by exactly three
 * digits (`1.234`, `1,234`) groups thousands: with at most two decimals allowed it cannot be a
 * decimal mark. A euro sign and spaces (also non-breaking) are ignored.
 */
export function readNumber(cell: RawCell, decimals = 2): Read<number> {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return no('is not a number');
    const scaled = cell * 10 ** decimals;
    if (Math.abs(scaled - Math.round(scaled)) > 1e-6)
      return no(decimals === 0 ? 'must be a whole number' : `has more than ${decimals} decimals`);
    return ok(Math.round(scaled) / 10 ** decimals);
  }
  if (typeof cell !== 'string') return no('is not a number');
  const raw = cell.replace(/[\s\u00a0\u202f€]/g, '');
  const m = /^([+-]?)(\d+(?:[.,]\d+)*)$/.exec(raw);
  if (!m) return no(`is not a number: "${cell.trim()}"`);
  const sign = m[1] === '-' ? -1 : 1;
  const body = m[2] ?? '';
  const parts = body.split(/[.,]/);
  const seps = body.replace(/\d/g, '');
  const last = parts.at(-1) ?? '';
  const head = parts[0] ?? '';
  const grouped = (groups: string[]) => /^[1-9]\d{0,2}$/.test(head) && groups.every((p) => p.length === 3);
  let text: string | undefined;
  if (seps.length === 0) text = body;
  else if (seps.length === 1 && last.length === 3 && grouped(parts.slice(1))) text = parts.join('');
  else if (seps.length === 1) text = `${head}.${last}`;
  else if ([...seps].every((s) => s === seps[0])) {
    // 1.234.567: one mark repeated can only group thousands
    if (grouped(parts.slice(1))) text = parts.join('');
  } else {
    // 1.234,56 / 1,234.56: the last mark is the decimal one, the other one groups thousands
    const groups = seps.slice(0, -1);
    if ([...groups].every((s) => s === groups[0]) && groups[0] !== seps.at(-1) && grouped(parts.slice(1, -1)))
      text = `${parts.slice(0, -1).join('')}.${last}`;
  }
  if (text === undefined) return no(`is not a number: "${cell.trim()}"`);
  const fraction = (text.split('.')[1] ?? '').replace(/0+$/, '');
  if (fraction.length > decimals)
    return no(decimals === 0 ? 'must be a whole number' : `has more than ${decimals} decimals`);
  return ok(sign * Number(text));
}

/** A whole number (units): `3`, `1.000`. */
export function readInteger(cell: RawCell): Read<number> {
  const n = readNumber(cell, 0);
  return n.ok && !Number.isSafeInteger(n.value) ? no('is too large') : n;
}

/**
 * An amount in euros as integer cents, not negative: `1.234,56`, `1234,56`, `€ 1.234,56`,
 * `1234.56` and a number cell 1234.56 are all 123456.
 */
export function readEuroCents(cell: RawCell): Read<number> {
  const n = readNumber(cell, 2);
  if (!n.ok) return n;
  if (n.value < 0) return no('must not be negative');
  const cents = Math.round(n.value * 100);
  return Number.isSafeInteger(cents) ? ok(cents) : no('is too large');
}

/** `YYYY-MM-DD` of a date cell: the calendar day it shows (exceljs reads date cells as UTC). */
const isoOfDate = (d: Date) =>
  `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;

/**
 * A date: a real XLSX date cell, ISO `2026-07-01`, or Dutch day-month-year `1-7-2026`,
 * `01-07-2026`, `1/7/2026`, `1.7.2026`. A two-digit year, month-first (American) dates and days
 * that do not exist (`31-6-2026`) are refused.
 */
export function readDate(cell: RawCell): Read<string> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return no('is not a date');
    const iso = isoOfDate(cell);
    return isIsoDate(iso) ? ok(iso) : no('is not a date');
  }
  if (typeof cell === 'number') return no('is a number, not a date: format the cell as a date');
  if (typeof cell !== 'string') return no('is not a date');
  const s = cell.trim();
  let iso: string | undefined;
  const isoMatch = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const nl = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(s);
  if (isoMatch) iso = `${isoMatch[1]}-${isoMatch[2]?.padStart(2, '0')}-${isoMatch[3]?.padStart(2, '0')}`;
  else if (nl) iso = `${nl[4]}-${nl[3]?.padStart(2, '0')}-${nl[1]?.padStart(2, '0')}`;
  else if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{2}$/.test(s))
    return no(`has a two-digit year: write the year in full (e.g. 1-7-2026)`);
  else return no(`is not a date: "${s}" (write 2026-07-01 or 1-7-2026)`);
  return isIsoDate(iso) ? ok(iso) : no(`is not a real date: "${s}"`);
}

/** Text, trimmed, at most `max` characters; a number cell is written as people see it. */
export function readText(cell: RawCell, max: number): Read<string> {
  if (cell instanceof Date) return no('is a date, not text');
  if (typeof cell === 'boolean') return no('is not text');
  const s = typeof cell === 'number' ? String(cell) : typeof cell === 'string' ? cell.trim() : '';
  if (s.length > max) return no(`is longer than ${max} characters`);
  return ok(s);
}

/** Several codes in one cell, separated by commas, semicolons, `|` or line breaks: `age-50, long-unemployed`. */
export function readCodeList(cell: RawCell, max: number): Read<string[]> {
  const text = readText(cell, 2000);
  if (!text.ok) return text;
  const codes = text.value
    .split(/[,;|\n]/)
    .map((c) => c.trim())
    .filter(Boolean);
  if (codes.length > max) return no(`has more than ${max} codes`);
  return ok([...new Set(codes)]);
}
