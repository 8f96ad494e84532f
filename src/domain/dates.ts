import { invalid } from './errors.ts';

/** A calendar date `YYYY-MM-DD` (no time, no zone). Checked by {@link parseIsoDate} at the edge. */
export type IsoDate = string;
/** A half-year `2026-H1` (January–June) or `2026-H2` (July–December). */
export type HalfYear = `${number}-H${1 | 2}`;

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/**
 * The `n` digits of `s` from `i` as a number, or -1 when one is not a digit (the caller has checked the
 * length). Whole-number arithmetic only, so that a parse in a loop stays in small integers.
 */
function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c >>> 0 > 9) return -1; // also below '0'
    v = v * 10 + c;
  }
  return v;
}

/** Days before the first of each month in a common year. */
const daysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** Day number of 1 January of year `y` (days since 1970-01-01, proleptic Gregorian), in closed form. */
function newYearDayOf(y: number): number {
  return (
    365 * (y - 1970) +
    Math.floor((y - 1969) / 4) -
    Math.floor((y - 1901) / 100) +
    Math.floor((y - 1601) / 400)
  );
}

/**
 * 1 January of the years 1900–2300 as day numbers, so that a loop over dates and half-years looks a
 * year up instead of dividing three times (other years are computed).
 */
const TABLE_FIRST_YEAR = 1900;
const TABLE_YEARS = 401;
const newYearTable = new Int32Array(TABLE_YEARS);
for (let i = 0; i < TABLE_YEARS; i++) newYearTable[i] = newYearDayOf(TABLE_FIRST_YEAR + i);

/** Day number of 1 January of year `y`. */
function newYearDay(y: number): number {
  const i = y - TABLE_FIRST_YEAR;
  return i >= 0 && i < TABLE_YEARS ? (newYearTable[i] as number) : newYearDayOf(y);
}

/** Day number of a real date y-m-d. */
function daysFromCivil(y: number, m: number, d: number): number {
  return newYearDay(y) + (daysBeforeMonth[m - 1] as number) + (m > 2 && isLeap(y) ? 1 : 0) + d - 1;
}

/*
 * The last four dates parsed, newest first: loops parse the same few strings over and over (a
 * contract's start and end for every activity and its progress, the same asOf for every contract).
 * The empty string, which every slot holds at first, is not a date: NaN is its right answer.
 */
let text0 = '',
  text1 = '',
  text2 = '',
  text3 = '';
let day0 = NaN,
  day1 = NaN,
  day2 = NaN,
  day3 = NaN;

/** The day number of a date, or NaN when it is not a real `YYYY-MM-DD` date (years 0001–9999). */
export function dayNumberOrNaN(s: string): number {
  if (s === text0) return day0;
  if (s === text1) return day1;
  if (s === text2) return day2;
  if (s === text3) return day3;
  const n = parseDayNumber(s);
  if (typeof s === 'string') {
    text3 = text2;
    day3 = day2;
    text2 = text1;
    day2 = day1;
    text1 = text0;
    day1 = day0;
    text0 = s;
    day0 = n;
  }
  return n;
}

function parseDayNumber(s: string): number {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45)
    return NaN;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 2);
  const d = digits(s, 8, 2); // -1 for any of them when not digits: refused below
  if (!(y >= 1 && m >= 1 && m <= 12 && d >= 1)) return NaN;
  const max = m === 2 && isLeap(y) ? 29 : (monthDays[m - 1] ?? 0);
  if (d > max) return NaN;
  return daysFromCivil(y, m, d);
}

/** True for a real calendar date written `YYYY-MM-DD`. @example isIsoDate('2028-02-29') // true */
export function isIsoDate(s: unknown): s is IsoDate {
  return typeof s === 'string' && !Number.isNaN(dayNumberOrNaN(s));
}

/**
 * Checks a date; a refused one throws VALIDATION naming `field`.
 * @example parseIsoDate('2027-02-29') // throws: not a real date
 */
export function parseIsoDate(s: unknown, field = 'date'): IsoDate {
  if (!isIsoDate(s))
    throw invalid(`${field}: not a real date (YYYY-MM-DD)`, [
      { name: field, reason: 'not a real date (YYYY-MM-DD)' },
    ]);
  return s;
}

/** Day number (days since 1970-01-01) of a date; throws VALIDATION naming `field` when it is not one. */
export function toDayNumber(s: IsoDate, field = 'date'): number {
  const n = dayNumberOrNaN(s);
  if (Number.isNaN(n))
    throw invalid(`${field}: not a real date (YYYY-MM-DD)`, [
      { name: field, reason: 'not a real date (YYYY-MM-DD)' },
    ]);
  return n;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The date of a day number. @example fromDayNumber(0) // '1970-01-01' */
export function fromDayNumber(z0: number): IsoDate {
  const ymd = civilFromDays(z0);
  return `${pad(Math.floor(ymd / 10_000), 4)}-${pad(Math.floor(ymd / 100) % 100, 2)}-${pad(ymd % 100, 2)}`;
}

/** The calendar date of a day number as one number `yyyymmdd` (no text: for loops over days). */
function civilFromDays(z0: number): number {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 10_000 + m * 100 + d;
}

/**
 * Days from start to end, both counted; 0 when end is before start.
 * @example daysInclusive('2026-01-01', '2026-01-01') // 1
 */
export function daysInclusive(start: IsoDate, end: IsoDate): number {
  const n = toDayNumber(end, 'end') - toDayNumber(start, 'start') + 1;
  return n > 0 ? n : 0;
}

/** @example addDays('2028-02-28', 1) // '2028-02-29' */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** -1, 0 or 1, for sorting. @example compareDates('2026-01-02', '2026-01-10') // -1 */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const d = toDayNumber(a, 'a') - toDayNumber(b, 'b');
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/**
 * The date `months` calendar months after `date`, clamped to the month's end.
 * @example addMonths('2026-08-31', 6) // '2027-02-28'
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d0 = parseIsoDate(date);
  const total = Number(d0.slice(0, 4)) * 12 + Number(d0.slice(5, 7)) - 1 + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const max = m === 2 && isLeap(y) ? 29 : (monthDays[m - 1] ?? 0);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(Math.min(Number(d0.slice(8, 10)), max), 2)}`;
}

/**
 * The calendar months from one day to the other (day numbers, both counted), in whole hundredths
 * rounded up: a whole month counts 1, a partial month the share of its own days inside (decision 009).
 * @example monthsWithinHundredths(toDayNumber('2026-06-15'), toDayNumber('2026-06-30')) // 54 (16 of 30 days)
 */
export function monthsWithinHundredths(fromDay: number, toDay: number): number {
  let whole = 0;
  let num = 0; // the partial months as the fraction num / den (at most two of them)
  let den = 1;
  const ymd = civilFromDays(fromDay);
  let y = Math.floor(ymd / 10_000);
  let m = Math.floor(ymd / 100) % 100;
  let dayOfMonth = ymd % 100;
  let day = fromDay;
  while (day <= toDay) {
    const len = m === 2 && isLeap(y) ? 29 : (monthDays[m - 1] ?? 0);
    const monthEnd = day - dayOfMonth + len;
    const last = monthEnd < toDay ? monthEnd : toDay;
    const inside = last - day + 1;
    if (inside === len) whole++;
    else {
      num = num * len + inside * den;
      den *= len;
    }
    // on to the first of the next month
    day = last + 1;
    dayOfMonth = 1;
    if (++m === 13) {
      m = 1;
      y++;
    }
  }
  return whole * 100 + Math.ceil((num * 100) / den - 1e-9);
}

/**
 * {@link monthsWithinHundredths} of days inside one half-year (its {@link halfYearIndex}; the half-year's
 * first day ≤ fromDay ≤ toDay ≤ its last day): its six months walked from its first day, the same sum
 * without turning a day number into a date.
 */
export function halfYearMonthsWithinHundredths(half: number, fromDay: number, toDay: number): number {
  const y = Math.floor(half / 2);
  const first = half - y * 2 === 0 ? 0 : 6; // the month's place in the year, 0–11
  const leap = isLeap(y);
  let monthStart = halfYearIndexStartDay(half);
  let whole = 0;
  let num = 0; // the partial months as the fraction num / den (at most two of them)
  let den = 1;
  for (let m = first; m < first + 6 && monthStart <= toDay; m++) {
    const len = m === 1 && leap ? 29 : (monthDays[m] as number);
    const monthEnd = monthStart + len - 1;
    if (monthEnd >= fromDay) {
      const inside =
        (monthEnd < toDay ? monthEnd : toDay) - (monthStart > fromDay ? monthStart : fromDay) + 1;
      if (inside === len) whole++;
      else {
        num = num * len + inside * den;
        den *= len;
      }
    }
    monthStart += len;
  }
  return whole * 100 + Math.ceil((num * 100) / den - 1e-9);
}

/**
 * A half-year as one number, year × 2 + 0 for H1 or 1 for H2, or NaN when `s` is not `YYYY-H1` /
 * `YYYY-H2` (years 0001–9999). No object, no string: for loops over many activities.
 * @example halfYearIndex('2026-H2') // 4053
 */
export function halfYearIndex(s: string): number {
  if (typeof s !== 'string' || s.length !== 7 || s.charCodeAt(4) !== 45 || s.charCodeAt(5) !== 72) return NaN;
  const y = digits(s, 0, 4); // -1 when not digits: refused below
  const h = s.charCodeAt(6) - 49;
  return y >= 1 && (h === 0 || h === 1) ? y * 2 + h : NaN;
}

/** The text of every half-year `HALF_FIRST + k` of the table's years, made when first asked for. */
let halfYearTexts: (string | undefined)[] | undefined;

/**
 * The half-year with {@link halfYearIndex} `i` as text (`YYYY-Hn`); undefined when `i` is not the index
 * of a half-year of the years 0001–9999. Within the years 1900–2300 the same string object each time.
 * @example halfYearText(4053) // '2026-H2'
 */
export function halfYearText(i: number): HalfYear | undefined {
  const k = i - HALF_FIRST;
  if (k >= 0 && k < HALVES && (k | 0) === k) {
    const texts = (halfYearTexts ??= Array.from({ length: HALVES }, () => undefined)); // packed: fast reads
    return (texts[k] ??= halfYearTextOf(i)) as HalfYear;
  }
  return Number.isSafeInteger(i) && i >= 2 && i <= 19_999 ? halfYearTextOf(i) : undefined;
}

function halfYearTextOf(i: number): HalfYear {
  const y = Math.floor(i / 2);
  return `${String(y).padStart(4, '0')}-H${i - y * 2 + 1}` as HalfYear;
}

/** True for `YYYY-H1` / `YYYY-H2`. */
export function isHalfYear(s: unknown): s is HalfYear {
  return typeof s === 'string' && !Number.isNaN(halfYearIndex(s));
}

/** First day number of half-year `i`, computed (see {@link halfYearIndexStartDay}). */
function halfYearStartOf(i: number): number {
  const y = Math.floor(i / 2);
  const start = newYearDay(y);
  return i - y * 2 === 0 ? start : start + (isLeap(y) ? 182 : 181); // H2: 1 July
}

/**
 * The first day of every half-year of the table's years (1900–2300) and of the one after them, so
 * that a loop over activities looks a half-year's days up instead of dividing for its leap year.
 */
const HALF_FIRST = TABLE_FIRST_YEAR * 2;
const HALVES = TABLE_YEARS * 2;
const halfStartTable = new Int32Array(HALVES + 1);
for (let k = 0; k <= HALVES; k++) halfStartTable[k] = halfYearStartOf(HALF_FIRST + k);

const firstTableDay = halfStartTable[0] as number;
/** Half-years per day on average (400 years hold 800 half-years and 146,097 days). */
const halvesPerDay = 800 / 146_097;

/**
 * The {@link halfYearIndex} of the half-year a day number falls in (NaN for NaN). Within the table's
 * years, the mean length of a half-year gives its place, off by at most one, which the first days of
 * the half-years set right (no division, no leap-year test); other days are computed.
 */
export function halfYearIndexOfDay(day: number): number {
  let k = Math.floor((day - firstTableDay) * halvesPerDay);
  if (k >= 1 && k < HALVES - 1) {
    if ((halfStartTable[k] as number) > day) k--;
    else if ((halfStartTable[k + 1] as number) <= day) k++;
    return HALF_FIRST + k;
  }
  return halfYearIndexOfDayComputed(day);
}

/** {@link halfYearIndexOfDay} computed: the year from the mean length of a year, set right by its 1 January. */
function halfYearIndexOfDayComputed(day: number): number {
  let y = Math.floor(day / 365.2425) + 1970;
  if (newYearDay(y) > day) y--;
  else if (newYearDay(y + 1) <= day) y++;
  return y * 2 + (day >= newYearDay(y) + (isLeap(y) ? 182 : 181) ? 1 : 0);
}

/** First day number of the half-year with {@link halfYearIndex} `i` (NaN for NaN). */
export function halfYearIndexStartDay(i: number): number {
  const k = i - HALF_FIRST;
  return k >= 0 && k < HALVES ? (halfStartTable[k] as number) : halfYearStartOf(i);
}

/** Last day number of the half-year with {@link halfYearIndex} `i` (NaN for NaN): the day before the next. */
export function halfYearIndexEndDay(i: number): number {
  const k = i - HALF_FIRST;
  return k >= 0 && k < HALVES ? (halfStartTable[k + 1] as number) - 1 : halfYearStartOf(i + 1) - 1;
}

/**
 * First day number of a half-year, or NaN when it is not one.
 * @example halfYearStartDay('2026-H2') === toDayNumber('2026-07-01')
 */
export function halfYearStartDay(s: string): number {
  return halfYearIndexStartDay(halfYearIndex(s));
}

/** Last day number of a half-year, or NaN when it is not one. @example halfYearEndDay('2026-H1') === toDayNumber('2026-06-30') */
export function halfYearEndDay(s: string): number {
  return halfYearIndexEndDay(halfYearIndex(s));
}

/** First and last day number of a half-year, or NaN for both when it is not one. */
export function halfYearDays(s: string): { startDay: number; endDay: number } {
  const i = halfYearIndex(s);
  return { startDay: halfYearIndexStartDay(i), endDay: halfYearIndexEndDay(i) };
}

/** @example halfYearOf('2026-07-01') // '2026-H2' */
export function halfYearOf(date: IsoDate): HalfYear {
  const d = parseIsoDate(date);
  return `${d.slice(0, 4)}-H${Number(d.slice(5, 7)) <= 6 ? 1 : 2}` as HalfYear;
}

/** First and last day of a half-year. @example halfYearRange('2026-H1') // { start: '2026-01-01', end: '2026-06-30' } */
export function halfYearRange(h: HalfYear | string, field = 'period'): { start: IsoDate; end: IsoDate } {
  if (!isHalfYear(h))
    throw invalid(`${field}: not a half-year (YYYY-H1 or YYYY-H2)`, [
      { name: field, reason: 'not a half-year (YYYY-H1 or YYYY-H2)' },
    ]);
  const y = h.slice(0, 4);
  return h.endsWith('1')
    ? { start: `${y}-01-01`, end: `${y}-06-30` }
    : { start: `${y}-07-01`, end: `${y}-12-31` };
}

/**
 * Every half-year a term touches, in order.
 * @example halfYearsBetween('2026-05-01', '2027-01-31') // ['2026-H1', '2026-H2', '2027-H1']
 */
export function halfYearsBetween(start: IsoDate, end: IsoDate): HalfYear[] {
  const s = parseIsoDate(start, 'start');
  const e = parseIsoDate(end, 'end');
  if (e < s) return [];
  const out: HalfYear[] = [];
  let index = Number(s.slice(0, 4)) * 2 + (Number(s.slice(5, 7)) <= 6 ? 0 : 1);
  const last = Number(e.slice(0, 4)) * 2 + (Number(e.slice(5, 7)) <= 6 ? 0 : 1);
  for (; index <= last; index++) out.push(`${pad(Math.floor(index / 2), 4)}-H${(index % 2) + 1}` as HalfYear);
  return out;
}

/**
 * The date a half-year's report is due: `reportDueDays` after the period's last day (policy default
 * 31: H1 → 31 July, H2 → 31 January).
 * @example reportDueDate('2026-H2', 31) // '2027-01-31'
 */
export function reportDueDate(h: HalfYear | string, reportDueDays = 31): IsoDate {
  return addDays(halfYearRange(h).end, reportDueDays);
}
