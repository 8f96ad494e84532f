import type { Rule } from './rule.ts';
import { half, st } from './words.ts';

/** Files in (decision 021): cells, rows and files of an activity import. */
export const fileImportRules: readonly Rule[] = [
  [/^is not a number: "(.*)"$/, (v) => `is geen getal: "${v}"`],
  [/^is not a number$/, 'is geen getal'],
  [/^has more than (\d+) decimals$/, (n) => `heeft meer dan ${n} decimalen`],
  [/^is too large$/, 'is te groot'],
  [/^is not a date$/, 'is geen datum'],
  [
    /^is a number, not a date: format the cell as a date$/,
    'is een getal, geen datum: maak er een datumcel van',
  ],
  [
    /^has a two-digit year: write the year in full \(e\.g\. 1-7-2026\)$/,
    'heeft een jaartal van twee cijfers: schrijf het jaar voluit (bijvoorbeeld 1-7-2026)',
  ],
  [
    /^is not a date: "(.*)" \(write 2026-07-01 or 1-7-2026\)$/,
    (v) => `is geen datum: "${v}" (schrijf 2026-07-01 of 1-7-2026)`,
  ],
  [/^is not a real date: "(.*)"$/, (v) => `is geen bestaande datum: "${v}"`],
  [/^is a date, not text$/, 'is een datum, geen tekst'],
  [/^is not text$/, 'is geen tekst'],
  [/^is longer than (\d+) characters$/, (n) => `is langer dan ${n} tekens`],
  [/^has more than (\d+) codes$/, (n) => `heeft meer dan ${n} codes`],
  [/^looks like a formula: type the value itself$/, 'lijkt op een formule: typ de waarde zelf'],
  [/^contains a formula: paste the values only$/, 'bevat een formule: plak alleen de waarden'],
  [/^is a merged cell: unmerge it$/, 'is een samengevoegde cel: maak de samenvoeging ongedaan'],
  [/^holds the error (.+)$/, (e) => `bevat de fout ${e}`],
  [/^cannot be read$/, 'is niet te lezen'],
  [
    /^cannot be read as CSV \(a quote is not closed\)$/,
    'is niet als CSV te lezen (een aanhalingsteken wordt niet gesloten)',
  ],
  [/^the file is empty: fill in the template$/, 'het bestand is leeg: vul het sjabloon in'],
  [/^the file has no rows below the header$/, 'het bestand heeft geen regels onder de kopregel'],
  [/^has values but no header$/, 'heeft waarden maar geen kop'],
  [
    /^is not a column of the template \(columns: (.+)\)$/,
    (cols) => `is geen kolom van het sjabloon (kolommen: ${cols})`,
  ],
  [/^appears twice$/, 'komt twee keer voor'],
  [/^is missing: start from the template$/, 'ontbreekt: begin met het sjabloon'],
  [/^is the same as row (\d+)$/, (n) => `is gelijk aan regel ${n}`],
  [
    /^The (\d{4}-H[12]) report is (\w+); activities can only be imported into an open report\.$/,
    (p, status) =>
      `De rapportage over ${half(p)} is ${st(status)}; activiteiten kunnen alleen in een open rapportage worden ingelezen.`,
  ],
  [
    /^The file is (?:a (\w+) file|(binary)), not CSV or XLSX: use the template\.$/,
    (ext, bin) =>
      `Het bestand is ${bin ? 'binair' : `een ${ext}-bestand`}, geen CSV of XLSX: gebruik het sjabloon.`,
  ],
  [
    /^(\d+) errors? in the file; nothing was saved\.$/,
    (n) => `${n} ${n === '1' ? 'fout' : 'fouten'} in het bestand; er is niets opgeslagen.`,
  ],
  [
    /^The XLSX file cannot be opened: it is damaged\.$/,
    'Het XLSX-bestand kan niet worden geopend: het is beschadigd.',
  ],
];
