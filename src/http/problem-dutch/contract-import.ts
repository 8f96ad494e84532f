import type { Rule } from './rule.ts';

/** The contract import (CSV, XLSX, OCDS) and invoiced amounts (decision 022): cells, rows and whole files. */
export const contractImportRules: readonly Rule[] = [
  [/^not an amount in euros: "(.*)"$/, (x) => `geen bedrag in euro's: "${x}"`],
  [/^must be an amount in euros$/, "moet een bedrag in euro's zijn"],
  [/^must have at most 2 decimals \(whole cents\)$/, 'mag hoogstens 2 decimalen hebben (hele centen)'],
  [/^must be a date \(YYYY-MM-DD or D-M-YYYY\)$/, 'moet een datum zijn (JJJJ-MM-DD of D-M-JJJJ)'],
  [
    /^must be works \(werken\) or services\/supplies \(diensten\/leveringen\)$/,
    'moet werken of diensten/leveringen zijn',
  ],
  [/^is not a column of the contract import$/, 'is geen kolom van de contractimport'],
  [/^appears twice$/, 'komt twee keer voor'],
  [/^column is missing$/, 'deze kolom ontbreekt'],
  [/^the file is empty$/, 'het bestand is leeg'],
  [/^the file has no contracts$/, 'het bestand bevat geen contracten'],
  [/^is not readable as CSV$/, 'is niet te lezen als CSV'],
  [/^is not a readable XLSX workbook$/, 'is geen leesbaar XLSX-bestand'],
  [/^merged cells are not read: unmerge them$/, 'samengevoegde cellen worden niet gelezen: maak ze los'],
  [/^formulas are not read: type the value$/, 'formules worden niet gelezen: typ de waarde'],
  [/^is not valid JSON$/, 'is geen geldige JSON'],
  [/^is not an OCDS package$/, 'is geen OCDS-pakket'],
  [
    /^is not an OCDS release package or record package \(no releases or records\)$/,
    'is geen OCDS release package of record package (geen releases of records)',
  ],
  [/^the package has no contracts$/, 'het pakket bevat geen contracten'],
  [/^is not a contract object$/, 'is geen contract'],
  [/^is not a transaction$/, 'is geen transactie'],
  [/^is required \(the contract reference\)$/, 'is verplicht (het kenmerk van het contract)'],
  [/^is required \(a date\)$/, 'is verplicht (een datum)'],
  [/^the award date \(awards\[\]\.date\) is missing$/, 'de gunningsdatum (awards[].date) ontbreekt'],
  [/^must be works, services or goods$/, 'moet works, services of goods zijn'],
  [/^the amount is missing$/, 'het bedrag ontbreekt'],
  [/^the amount is not a number$/, 'het bedrag is geen getal'],
  [
    /^the amount is in (.+): only EUR is read \(no exchange rate is guessed\)$/,
    (c) => `het bedrag is in ${c}: alleen EUR wordt gelezen (er wordt geen wisselkoers geraden)`,
  ],
  [/^the currency is missing: only EUR is read$/, 'de munteenheid ontbreekt: alleen EUR wordt gelezen'],
  [/^the supplier has no name$/, 'de leverancier heeft geen naam'],
  [
    /^the supplier name must have at most 200 characters$/,
    'de naam van de leverancier mag hoogstens 200 tekens hebben',
  ],
  [
    /^the supplier identifier must have at most 100 characters$/,
    'de identificatie van de leverancier mag hoogstens 100 tekens hebben',
  ],
  [
    /^the supplier's NL-KVK identifier "(.*)" is not 8 digits$/,
    (x) => `het NL-KVK-nummer "${x}" van de leverancier heeft geen 8 cijfers`,
  ],
  [
    /^the supplier (.+) has no identifier \(scheme and id\): it cannot be matched$/,
    (n) => `leverancier ${n} heeft geen identificatie (schema en id): hij is niet te koppelen`,
  ],
  [
    /^no supplier: the award names none and no party has the role supplier$/,
    'geen leverancier: de gunning noemt er geen en geen partij heeft de rol supplier',
  ],
  [
    /^ambiguous supplier: (\d+) suppliers \((.*)\); a contract has one supplier in Retour$/,
    (n, list) =>
      `leverancier niet eenduidig: ${n} leveranciers (${list}); een contract heeft in Retour één leverancier`,
  ],
  [/^the supplier (.*) is not among the parties$/, (n) => `leverancier ${n} staat niet bij de partijen`],
  [/^appears twice in the file \(row (\d+)\)$/, (r) => `komt twee keer voor in het bestand (rij ${r})`],
  [
    /^no supplier with identifier (.+): give its name to register it$/,
    (k) => `geen leverancier met identificatie ${k}: geef de naam om hem te registreren`,
  ],
  [
    /^differs from the stored contract (.+?) \((.*)\); change it there$/,
    (r, v) => `wijkt af van het opgeslagen contract ${r} (${v}); wijzig het daar`,
  ],
  [/^must not be before endDate$/, 'mag niet vóór de einddatum liggen'],
  [
    /^The file is not a CSV, XLSX or OCDS JSON file \(checked by its content\)\.$/,
    'Het bestand is geen CSV-, XLSX- of OCDS-JSON-bestand (gecontroleerd op de inhoud).',
  ],
  [
    /^The contract is not a framework contract: its policy is not on invoiced value\.$/,
    'Het contract is geen raamovereenkomst: het beleid rekent niet met gefactureerde bedragen.',
  ],
  [
    /^must be a half-year of the contract term \((.+) – (.+)\)$/,
    (a, b) => `moet een halfjaar van de looptijd zijn (${a} – ${b})`,
  ],
  [/^The period is not valid\.$/, 'De periode is niet geldig.'],
  [
    /^The file has (\d+) errors: nothing was saved\.$/,
    (n) => `Het bestand heeft ${n} fouten: er is niets opgeslagen.`,
  ],
  [/^The amount is not valid\.$/, 'Het bedrag is niet geldig.'],
];
