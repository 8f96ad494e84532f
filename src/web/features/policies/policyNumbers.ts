/** Cents and basis points of a policy as the editor shows them (2 decimals, in the UI's language), and back. */

export const centsToText = (c: number | undefined, lang: 'nl' | 'en') =>
  typeof c === 'number'
    ? (c / 100).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 })
    : '';
export const bpToText = (bp: number | undefined, lang: 'nl' | 'en') =>
  typeof bp === 'number'
    ? (bp / 100).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 })
    : '';
/** A typed percentage as basis points; null for an empty text or one that is not a number. */
export const textToBp = (s: string) => {
  const n = Number(s.trim().replace(',', '.'));
  return s.trim() === '' || Number.isNaN(n) ? null : Math.round(n * 100);
};
