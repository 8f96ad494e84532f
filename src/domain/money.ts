import { DomainError, invalid } from './errors.ts';

/** Whole euro cents. Every amount in the domain is one. */
export type Cents = number & { readonly __unit: 'EUR-cents' };

/**
 * Guards a number as whole cents.
 * @example cents(1_750_000) // €17.500,00
 */
export function cents(n: number): Cents {
  if (!Number.isSafeInteger(n))
    throw invalid(`not whole cents: ${n}`, [{ name: '', reason: 'not whole cents' }]);
  return (n === 0 ? 0 : n) as Cents; // never -0
}

/**
 * THE rounding of Retour (decision 003): half away from zero, to whole cents. Use it on a value that
 * is already exact (or whose error is far below half a cent); for exact ratios use {@link roundRatio}.
 * @example roundHalfAwayFromZero(2.5) // 3;  roundHalfAwayFromZero(-0.5) // -1
 */
export function roundHalfAwayFromZero(x: number): Cents {
  if (!Number.isFinite(x)) throw new DomainError('VALIDATION', `cannot round ${x} to cents`);
  const r = x < 0 ? -Math.round(-x) : Math.round(x);
  return cents(r);
}

/**
 * num / den rounded half away from zero, computed exactly for integers (no binary fraction ever
 * appears, so an exact half cent is detected as one). `den` must be a positive safe integer below
 * 2^52 and `num` a safe integer.
 * @example roundRatio(5, 2) // 3;  roundRatio(-5, 2) // -3
 */
export function roundRatio(num: number, den: number): Cents {
  // The truncated quotient without `%`, which V8 leaves to fmod (a loop over the quotient's bits) once
  // the numbers pass 32 bits. Exact: a quotient of integers below 2^53 that is not an integer lies at
  // least 1/den from the next integer, more than half a unit in its last place (|num / den| < 2^53 /
  // den), so rounding the division never reaches that integer; q × den and num − q × den are exact.
  const q = Math.trunc(num / den);
  const r = num - q * den;
  const twice = r < 0 ? -2 * r : 2 * r;
  if (twice >= den) return (r < 0 ? q - 1 : q + 1) as Cents;
  return (q === 0 ? 0 : q) as Cents;
}

/**
 * a × b × c / den rounded once, half away from zero; all integers. Falls back to BigInt when the
 * product leaves the safe integer range, so the answer is exact for any input.
 * @example mulDivRound(3_500_000, 100, 600, 120_000) // 1_750_000 (1 FTE × 6 months / 12 × €35.000)
 */
export function mulDivRound(a: number, b: number, c: number, den: number): Cents {
  const p = a * b * c;
  if (p <= Number.MAX_SAFE_INTEGER && p >= -Number.MAX_SAFE_INTEGER) return roundRatio(p, den);
  return mulDivRoundBig(a, b, c, den);
}

/** {@link mulDivRound} beyond 2^53, in BigInt (apart, so that the common case stays small to inline). */
function mulDivRoundBig(a: number, b: number, c: number, den: number): Cents {
  const n = BigInt(a) * BigInt(b) * BigInt(c);
  const d = BigInt(den);
  const neg = n < 0n;
  const abs = neg ? -n : n;
  let q = abs / d;
  if ((abs % d) * 2n >= d) q += 1n;
  const out = Number(neg ? -q : q);
  if (!Number.isSafeInteger(out))
    throw invalid('amount too large', [{ name: '', reason: 'amount too large' }]);
  return out as Cents;
}

/** Adds cents; the sum must stay a safe integer. */
export function addCents(a: Cents, b: Cents): Cents {
  return cents(a + b);
}

function groupThousands(n: number): string {
  const s = String(n);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += '.';
    out += s[i];
  }
  return out;
}

/**
 * Dutch notation for explanations, deterministic (no locale data involved).
 * @example formatEuro(1_750_000) // '€17.500,00';  formatEuro(-1234) // '-€12,34'
 */
export function formatEuro(c: number): string {
  const neg = c < 0;
  const abs = neg ? -c : c;
  const euros = Math.floor(abs / 100);
  const rest = abs - euros * 100;
  return `${neg ? '-' : ''}€${groupThousands(euros)},${rest < 10 ? '0' : ''}${rest}`;
}

/**
 * Dutch notation as the Dutch UI writes amounts (NL Design System, Intl nl-NL): a space after the sign.
 * @example formatEuroNl(123_456) // '€ 1.234,56';  formatEuroNl(-1234) // '€ -12,34'
 */
export function formatEuroNl(c: number): string {
  const text = formatEuro(c);
  return c < 0 ? `€ -${text.slice(2)}` : `€ ${text.slice(1)}`;
}

/** An explanation's language: English (`explanation`) or Dutch (`explanationNl`). */
export type Lang = 'en' | 'nl';

/** The amount notation of a language's explanations: `€1.234,56` (en, as before) or `€ 1.234,56` (nl). */
export function euroIn(lang: Lang, c: number): string {
  return lang === 'nl' ? formatEuroNl(c) : formatEuro(c);
}

/**
 * A quantity kept as whole hundredths, in Dutch notation without trailing zeros.
 * @example formatHundredths(150) // '1,5';  formatHundredths(600) // '6'
 */
export function formatHundredths(h: number): string {
  const neg = h < 0;
  const abs = neg ? -h : h;
  const whole = Math.floor(abs / 100);
  const frac = abs - whole * 100;
  const fracText = frac === 0 ? '' : frac % 10 === 0 ? `,${frac / 10}` : `,${frac < 10 ? '0' : ''}${frac}`;
  return `${neg ? '-' : ''}${groupThousands(whole)}${fracText}`;
}

/**
 * Basis points as a percentage in Dutch notation.
 * @example formatBp(200) // '2%';  formatBp(250) // '2,5%'
 */
export function formatBp(bp: number): string {
  return `${formatHundredths(bp)}%`;
}

/**
 * A decimal quantity with at most two decimals as whole hundredths, or NaN if it has more precision
 * (or is not a finite number). `0.29` → 29: the check is `Math.round(x × 100) / 100 === x`, which holds
 * exactly for every number written with at most two decimals.
 */
export function toHundredths(x: number): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) return NaN;
  const h = Math.round(x * 100);
  return h / 100 === x && Number.isSafeInteger(h) ? h : NaN;
}
