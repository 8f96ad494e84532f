/** Display formatting through Intl only: amounts come from the API in cents, dates as YYYY-MM-DD. */
export type Lang = 'nl' | 'en';

const localeOf: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(lang: Lang, whole: boolean): Intl.NumberFormat {
  const key = `${lang}${whole ? 'w' : ''}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeOf[lang], {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: whole ? 0 : 2,
    });
    moneyFormats.set(key, f);
  }
  return f;
}

/** `€ 1.234,56` (nl) or `€1,234.56` (en) from integer cents. */
export function formatMoney(cents: number, lang: Lang): string {
  return moneyFormat(lang, false).format(cents / 100);
}

/** Whole euros for chart axes: `€ 1.235`. */
export function formatMoneyShort(cents: number, lang: Lang): string {
  return moneyFormat(lang, true).format(Math.round(cents / 100));
}

/** `1 juli 2026` (nl) or `1 July 2026` (en) from `2026-07-01`; the date is a calendar day, so UTC. */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const day = iso.slice(0, 10);
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

/** Date and time for audit entries: `1 juli 2026 14:05`. */
export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf[lang], { dateStyle: 'long', timeStyle: 'short' }).format(d);
}

export function formatNumber(n: number, lang: Lang, maxFractionDigits = 2): string {
  return new Intl.NumberFormat(localeOf[lang], { maximumFractionDigits: maxFractionDigits }).format(n);
}

/** Basis points as a percentage: 200 → `2%`. */
export function formatPercentBp(bp: number, lang: Lang): string {
  return new Intl.NumberFormat(localeOf[lang], { style: 'percent', maximumFractionDigits: 2 }).format(
    bp / 10_000,
  );
}

export function formatBytes(bytes: number, lang: Lang): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${formatNumber(v, lang, i === 0 ? 0 : 1)} ${units[i]}`;
}

/** Euros typed by a person (`1.234,56`, `1234.56`, `1 234`) → cents, or null when it is not an amount. */
export function parseEuros(input: string, lang: Lang): number | null {
  let s = input.replace(/[€\s\u00a0]/g, '');
  if (!s) return null;
  if (lang === 'nl') s = s.replace(/\./g, '').replace(',', '.');
  else s = s.replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const [whole = '0', frac = ''] = s.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** A decimal quantity typed in either locale (`0,5` or `0.5`). */
export function parseDecimal(input: string): number | null {
  const s = input.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}
