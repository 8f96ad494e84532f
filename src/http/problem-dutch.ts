/**
 * Dutch for the problem details the API writes in English (decision 015). The use cases and the
 * domain keep one English message per refusal (logs, audit, CLI); at the HTTP edge a Dutch request
 * gets `title`, `detail` and every `invalidParams[].reason` through this table. A message the table
 * does not know stays English: the table test lists the messages a user meets.
 */

type Rule = readonly [RegExp, string | ((...groups: string[]) => string)];

const statusNl: Record<string, string> = {
  open: 'open',
  submitted: 'ingediend',
  closed: 'gesloten',
  overdue: 'te laat',
  draft: 'concept',
  approved: 'goedgekeurd',
  returned: 'teruggestuurd',
  accepted: 'geaccepteerd',
  rejected: 'afgewezen',
  moreInfo: 'met een vraag teruggelegd',
  pending: 'te beoordelen',
  confirmed: 'bevestigd',
  declined: 'afgewezen',
  plan: 'plan',
  trust: 'vertrouwen',
  none: 'geen',
};
const roleNl: Record<string, string> = {
  platformAdmin: 'platformbeheerder',
  municipalityAdmin: 'gemeentebeheerder',
  advisor: 'adviseur',
  contractManager: 'contractmanager',
  supplier: 'leverancier',
  initiative: 'initiatief',
  verifier: 'verificateur',
};
const st = (s: string) => statusNl[s] ?? s;
const role = (r: string) => roleNl[r] ?? r;
const half = (p: string) => p.replace(/^(\d{4})-H([12])$/, '$2e halfjaar $1');

/** Titles of the problem types (problem.ts). */
const titles: Record<string, string> = {
  'Invalid input': 'Ongeldige invoer',
  'Not found': 'Niet gevonden',
  Conflict: 'Conflict',
  'Not allowed in this state': 'Niet toegestaan in deze toestand',
  'Sign-in required': 'Aanmelden vereist',
  Forbidden: 'Geen toegang',
  'Too many requests': 'Te veel verzoeken',
  'Payload too large': 'Bestand te groot',
  'Unsupported media type': 'Bestandstype niet toegestaan',
  'Internal server error': 'Interne fout',
  'Method Not Allowed': 'Methode niet toegestaan',
  'Unprocessable content': 'Bestand niet verwerkt',
  'Some rows are refused': 'Niet alle regels zijn goed',
};

/** Whole messages (detail) and field reasons; the first matching rule wins, anchored at both ends. */
const rules: readonly Rule[] = [
  // The contract import and invoiced amounts (decision 022)
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
  // Field reasons (zod schemas, use cases, domain validation)
  [/^is required$|^required$/, 'is verplicht'],
  [/^must not be empty$/, 'mag niet leeg zijn'],
  [/^must be a whole number$/, 'moet een geheel getal zijn'],
  [/^must be whole cents$|^not whole cents$/, 'moet een bedrag in hele centen zijn'],
  [/^must be whole cents, not negative$/, 'moet een bedrag in hele centen zijn, niet negatief'],
  [/^must not be negative$/, 'mag niet negatief zijn'],
  [/^must be more than 0$/, 'moet meer dan 0 zijn'],
  [/^must be at least (.+)$/, (n) => `moet minstens ${n} zijn`],
  [/^must be at most €10 billion$/, 'mag hoogstens € 10 miljard zijn'],
  [/^must be at most (.+)$/, (n) => `mag hoogstens ${n} zijn`],
  [/^must be less than (.+)$/, (n) => `moet kleiner zijn dan ${n}`],
  [/^must have at most (\d+) characters$/, (n) => `mag hoogstens ${n} tekens hebben`],
  [/^must have at least (\d+) characters$/, (n) => `moet minstens ${n} tekens hebben`],
  [/^must have at most (\d+) items$/, (n) => `mag hoogstens ${n} onderdelen hebben`],
  [/^must have at least (\d+) items$/, (n) => `moet minstens ${n} onderdelen hebben`],
  [/^must be a text$/, 'moet een tekst zijn'],
  [/^must be a number$/, 'moet een getal zijn'],
  [/^must be true or false$/, 'moet waar of onwaar zijn'],
  [/^must be a date$/, 'moet een datum zijn'],
  [/^must be a URL$/, 'moet een URL zijn'],
  [/^must be an id$/, 'moet een id zijn'],
  [/^must be a date and time$/, 'moet een datum met tijd zijn'],
  [/^does not have the right form$/, 'heeft niet de juiste vorm'],
  [/^must be a multiple of (.+)$/, (n) => `moet een veelvoud van ${n} zijn`],
  [/^unknown fields: (.+)$/, (k) => `onbekende velden: ${k}`],
  [/^is not valid$/, 'is niet geldig'],
  [/^must have at most 2 decimals$/, 'mag hoogstens 2 decimalen hebben'],
  [
    /^must be a real date \(YYYY-MM-DD\)$|^not a real date \(YYYY-MM-DD\)$/,
    'moet een bestaande datum zijn (JJJJ-MM-DD)',
  ],
  [/^must be a date as YYYY-MM-DD$/, 'moet een datum zijn als JJJJ-MM-DD'],
  [
    /^must be a half-year \(YYYY-H1 or YYYY-H2\)$|^not a half-year \(YYYY-H1 or YYYY-H2\)$/,
    'moet een halfjaar zijn (JJJJ-H1 of JJJJ-H2)',
  ],
  [/^must be an email address$/, 'moet een e-mailadres zijn'],
  [/^must be a KvK number of 8 digits$/, 'moet een KvK-nummer van 8 cijfers zijn'],
  [/^must be a file$/, 'moet een bestand zijn'],
  [/^must be a list$/, 'moet een lijst zijn'],
  [/^must be an object$|^a policy must be an object$/, 'moet een object zijn'],
  [/^must be an object with a title$/, 'moet een object met een titel zijn'],
  [/^must be a non-empty text$/, 'moet een niet-lege tekst zijn'],
  [/^must be 0–10000 basis points$/, 'moet 0–10000 basispunten zijn'],
  [/^must be one of (.+)$/, (list) => `moet een van deze zijn: ${list}`],
  [/^must be works or servicesAndSupplies$/, 'moet werken of diensten en leveringen zijn'],
  [/^must not be before startDate \((.+)\)$/, (d) => `mag niet vóór de begindatum (${d}) liggen`],
  [/^must not be before startDate$/, 'mag niet vóór de begindatum liggen'],
  [/^must not be before contractStart$/, 'mag niet vóór de start van het contract liggen'],
  [
    /^must not be before candidate\.startDate \((.+)\)$/,
    (d) => `mag niet vóór de start van de plaatsing (${d}) liggen`,
  ],
  [/^must not be before the current end date (.+)$/, (d) => `mag niet vóór de huidige einddatum ${d} liggen`],
  [
    /^must be inside (\d{4}-H[12]) and the contract term \((.+) to (.+)\)$/,
    (p, a, b) => `moet binnen ${half(p)} en de looptijd van het contract liggen (${a} tot en met ${b})`,
  ],
  [
    /^(\d{4}-H[12]) is not a half-year of the contract term$/,
    (p) => `${half(p)} is geen halfjaar van de looptijd`,
  ],
  [
    /^(\d{4}-H[12]) is outside the contract term(.*)$/,
    (p, rest) => `${half(p)} valt buiten de looptijd${rest}`,
  ],
  [
    /^the (\d{4}-H[12]) report is (\w+); activities can only be added to an open report \(ask for a correction\)$/,
    (p, s) =>
      `de rapportage over ${half(p)} is ${st(s)}; activiteiten kunnen alleen aan een open rapportage worden toegevoegd (vraag om een correctie)`,
  ],
  [
    /^is required for this activity type \(a pseudonymous code\)$/,
    'is verplicht voor deze activiteit (een pseudoniem)',
  ],
  [
    /^looks like a BSN \(9 digits\): use a pseudonymous code instead$/,
    'lijkt op een BSN (9 cijfers): gebruik een pseudoniem',
  ],
  [
    /^must be a pseudonymous code of at most 40 letters, digits, '\.', '_' or '-' \(no names, no spaces\)$/,
    "moet een pseudoniem zijn van hoogstens 40 letters, cijfers, '.', '_' of '-' (geen namen, geen spaties)",
  ],
  [
    /^must be more than 0 and at most (.+), with at most 2 decimals$/,
    (n) => `moet meer dan 0 en hoogstens ${n} zijn, met hoogstens 2 decimalen`,
  ],
  [
    /^fte must be more than 0, with at most 2 decimals$/,
    'fte moet meer dan 0 zijn, met hoogstens 2 decimalen',
  ],
  [
    /^the candidate would count for (.+) \+ (.+) = (.+) FTE in this half-year; at most 1 FTE counts across all contracts$/,
    (a, b, t) =>
      `de kandidaat zou in dit halfjaar voor ${a} + ${b} = ${t} fte tellen; over alle contracten samen telt hoogstens 1 fte`,
  ],
  [
    /^candidate (.+) is already recorded in target group "(.+)"$/,
    (c, g) => `kandidaat ${c} staat al geregistreerd in doelgroep "${g}"`,
  ],
  [/^unknown activity type "(.+)"$/, (c) => `onbekende activiteit "${c}"`],
  [
    /^is not in the catalogue of policy version (\d+)( that this contract follows)?$/,
    (v, c) => `staat niet in de catalogus van beleidsversie ${v}${c ? ' die dit contract volgt' : ''}`,
  ],
  [/^is required when rejecting$/, 'is verplicht bij afwijzen'],
  [/^is required when the decision is (\w+)$/, (d) => `is verplicht bij de beslissing ${st(d)}`],
  [/^is required when an earlier decision is changed$/, 'is verplicht als een eerdere beslissing wijzigt'],
  [/^is required when the plan is returned$/, 'is verplicht als het plan wordt teruggestuurd'],
  [/^give a reply, evidenceIds, or both$/, 'geef een antwoord, bewijsstukken of beide'],
  [/^give name or contacts$/, 'geef een naam of contactpersonen'],
  [/^give title or contractManagerId$/, 'geef een titel of een contractmanager'],
  [
    /^give the term with both startDate and endDate, or neither$/,
    'geef de looptijd met zowel begin- als einddatum, of geen van beide',
  ],
  [/^is already registered in this municipality$/, 'is al geregistreerd in deze gemeente'],
  [/^is already used in this municipality$/, 'is al in gebruik in deze gemeente'],
  [/^is not a contract manager of this municipality$/, 'is geen contractmanager van deze gemeente'],
  [/^no such supplier( here| in this municipality)?$/, 'deze leverancier is hier niet bekend'],
  [/^no such initiative here$/, 'dit initiatief is hier niet bekend'],
  [
    /^has no social return obligation to contribute to$/,
    'heeft geen verplichting voor social return om aan bij te dragen',
  ],
  [/^is not a need of this initiative$/, 'is geen behoefte van dit initiatief'],
  [/^is closed: it takes no new pledges$/, 'is gesloten: er kunnen geen nieuwe toezeggingen bij'],
  [
    /^must be (\w+)(?: or (\w+))? for a need of (\w+)$/,
    (a, b, n) =>
      `moet ${kindNl(a ?? '')}${b ? ` of ${kindNl(b)}` : ''} zijn bij een behoefte aan ${kindNl(n ?? '')}`,
  ],
  [/^is required for a pledge of (\w+)$/, (k) => `is verplicht bij een toezegging van ${kindNl(k)}`],
  [/^is not used for a pledge of (\w+)$/, (k) => `hoort niet bij een toezegging van ${kindNl(k)}`],
  [/^has no file name$/, 'heeft geen bestandsnaam'],
  [/^is empty$/, 'is leeg'],
  [/^too short$/, 'te kort'],
  [/^at least (\d+) characters$/, (n) => `minstens ${n} tekens`],
  [/^1–100 characters$/, '1–100 tekens'],
  [/^e\.g\. (.+)$/, (x) => `bijvoorbeeld ${x}`],
  [/^unknown, used or expired$/, 'onbekend, gebruikt of verlopen'],
  [/^amount too large$/, 'bedrag te groot'],
  [
    /^the total contract value would exceed €10 billion$/,
    'de totale contractwaarde zou boven € 10 miljard komen',
  ],
  [
    /^no policy of the municipality is in force on (.+)$/,
    (d) => `er geldt op ${d} geen beleid van de gemeente`,
  ],
  [/^not for role (\w+)$/, (r) => `niet voor de rol ${role(r)}`],
  [/^required for role (\w+)$/, (r) => `verplicht voor de rol ${role(r)}`],
  [/^required for this role$/, 'verplicht voor deze rol'],
  [/^already a member with this role$/, 'heeft deze rol hier al'],
  [/^not invitable$/, 'kan niet worden uitgenodigd'],
  [/^Invalid input$/, 'ongeldige invoer'],
  // Whole messages (detail)
  [/^No municipality "(.+)" is known here\.$/, (s) => `Gemeente "${s}" is hier niet bekend.`],
  [/^No municipality (.+)\.$/, (s) => `Gemeente ${s} is hier niet bekend.`],
  [/^No such municipality\.$/, 'Deze gemeente is hier niet bekend.'],
  [/^(.+) has no policy in force on (.+)\.$/, (n, d) => `${n} heeft geen beleid dat geldt op ${d}.`],
  [/^No policy is in force on (.+)\.$/, (d) => `Er geldt geen beleid op ${d}.`],
  [
    /^No such (activity|contract|evidence file|initiative|need|notification|plan version|pledge|report|supplier|token)\.$/,
    (w) => `${thingNl(w)} bestaat niet of is hier niet te zien.`,
  ],
  [/^No such user here\.$/, 'Deze gebruiker is hier niet bekend.'],
  [
    /^Unknown (supplier|initiative)\.$/,
    (w) => `Onbekende ${w === 'supplier' ? 'leverancier' : 'initiatief'}.`,
  ],
  [/^No report for this half-year\.$/, 'Er is geen rapportage voor dit halfjaar.'],
  [/^Not a half-year of the contract\.$/, 'Geen halfjaar van het contract.'],
  [/^Not a half-year\.$/, 'Geen halfjaar.'],
  [/^Not an email address\.$/, 'Geen e-mailadres.'],
  [/^Sign in first\.$/, 'Meld u eerst aan.'],
  [
    /^This action is not open to the role (\w+)\.$/,
    (r) => `Deze handeling is niet toegestaan voor de rol ${role(r)}.`,
  ],
  [/^Choose a municipality to act in first\.$/, 'Kies eerst de gemeente waarvoor u werkt.'],
  [/^You have no role in that municipality\.$/, 'U heeft geen rol in die gemeente.'],
  [/^The email address or password is not correct\.$/, 'Het e-mailadres of wachtwoord klopt niet.'],
  [
    /^The password must have at least (\d+) characters\.$/,
    (n) => `Het wachtwoord moet minstens ${n} tekens hebben.`,
  ],
  [
    /^This link is no longer valid\. Ask for a new one\.$/,
    'Deze link is niet meer geldig. Vraag een nieuwe aan.',
  ],
  [
    /^The request lacks a valid X-CSRF-Token header; reload the page and try again\.$/,
    'Het verzoek mist een geldige X-CSRF-Token-header; laad de pagina opnieuw en probeer het nog eens.',
  ],
  [/^The file is larger than (\d+) bytes\.$/, (n) => `Het bestand is groter dan ${mb(n)}.`],
  [/^The file needs a name\.$/, 'Het bestand heeft een naam nodig.'],
  [/^The file is empty\.$/, 'Het bestand is leeg.'],
  [/^Not accepted as evidence: (.+)\.$/, (r) => `Niet toegestaan als bewijsstuk: ${evidenceReasonNl(r)}.`],
  [/^Evidence not of this activity\.$/, 'Dit bewijsstuk hoort niet bij deze activiteit.'],
  [
    /^The file of this evidence is no longer stored\.$/,
    'Het bestand van dit bewijsstuk is niet meer bewaard.',
  ],
  [
    /^The report is (\w+); evidence can no longer be added\.$/,
    (s) => `De rapportage is ${st(s)}; er kunnen geen bewijsstukken meer bij.`,
  ],
  [
    /^The report is (\w+); its evidence can no longer be removed\.$/,
    (s) => `De rapportage is ${st(s)}; de bewijsstukken kunnen niet meer weg.`,
  ],
  [/^The report is (\w+) already\.$/, (s) => `De rapportage is al ${st(s)}.`],
  [
    /^The report is (\w+); activities are verified after the supplier submits it\.$/,
    (s) =>
      `De rapportage is ${st(s)}; activiteiten worden beoordeeld nadat de leverancier haar heeft ingediend.`,
  ],
  [/^The (\d{4}-H[12]) report is (\w+)\.$/, (p, s) => `De rapportage over ${half(p)} is ${st(s)}.`],
  [
    /^(\d{4}-H[12]) can be submitted from (.+), after the half-year has ended\.$/,
    (p, d) => `${half(p)} kan worden ingediend vanaf ${d}, na het einde van het halfjaar.`,
  ],
  [
    /^The report changed meanwhile; try again\.$/,
    'De rapportage is intussen gewijzigd; probeer het opnieuw.',
  ],
  [/^Someone else just started a correction\.$/, 'Iemand anders is net een correctie begonnen.'],
  [
    /^Only a closed report is corrected; this one is (\w+)\.$/,
    (s) => `Alleen een gesloten rapportage kan worden gecorrigeerd; deze is ${st(s)}.`,
  ],
  [
    /^Version (\d+) of (\d{4}-H[12]) is the current one\.$/,
    (v, p) => `Versie ${v} van ${half(p)} is de huidige.`,
  ],
  [
    /^The activity falls outside its half-year or the contract\.$/,
    'De activiteit valt buiten haar halfjaar of buiten het contract.',
  ],
  [/^An activity ends on or after its start\.$/, 'Een activiteit eindigt op of na haar begin.'],
  [/^A placement ends on or after its start\.$/, 'Een plaatsing eindigt op of na haar begin.'],
  [/^Unknown activity type (.+)\.$/, (c) => `Onbekende activiteit ${c}.`],
  [/^The activity cannot be valued as (.+)\.$/, (c) => `De activiteit kan niet worden gewaardeerd als ${c}.`],
  [/^The activity cannot be valued in this context\.$/, 'De activiteit kan hier niet worden gewaardeerd.'],
  [
    /^Work by a person records a pseudonymous candidate\.$/,
    'Werk door een persoon legt een kandidaat vast met een pseudoniem.',
  ],
  [
    /^A candidate is recorded by a pseudonymous code(, never by a BSN)?\.$/,
    'Een kandidaat wordt vastgelegd met een pseudoniem, nooit met een BSN.',
  ],
  [/^A candidate counts in one target group only\.$/, 'Een kandidaat telt in één doelgroep.'],
  [/^No double counting of a candidate\.$/, 'Een kandidaat telt niet dubbel.'],
  [/^Hours per week out of range\.$/, 'Uren per week buiten het toegestane bereik.'],
  [/^A reason is required\.$|^A rejection says why\.$/, 'Geef een reden.'],
  [
    /^This activity is already (\w+); to change that decision send change: true with a reason\.$/,
    (s) => `Deze activiteit is al ${st(s)}; geef een reden om die beslissing te wijzigen.`,
  ],
  [
    /^Only an activity the advisor asked more about \(in a submitted report\) is answered\.$/,
    'Alleen een activiteit waarover de adviseur een vraag stelde (in een ingediende rapportage) wordt beantwoord.',
  ],
  [/^An answer needs a reply or evidence\.$/, 'Een antwoord heeft een toelichting of een bewijsstuk nodig.'],
  [/^Say why the plan is returned\.$/, 'Zeg waarom het plan wordt teruggestuurd.'],
  [/^Some plan items cannot be valued\.$/, 'Sommige onderdelen van het plan kunnen niet worden gewaardeerd.'],
  [
    /^There is no draft plan with items to submit\.$/,
    'Er is geen conceptplan met onderdelen om in te dienen.',
  ],
  [
    /^There is no submitted plan waiting for review\.$/,
    'Er is geen ingediend plan dat op beoordeling wacht.',
  ],
  [
    /^The plan is (\w+); change the draft before submitting again\.$/,
    (s) => `Het plan is ${st(s)}; wijzig het concept voordat u opnieuw indient.`,
  ],
  [
    /^The plan is being reviewed; wait for the advisor’s decision\.$/,
    'Het plan wordt beoordeeld; wacht op de beslissing van de adviseur.',
  ],
  [
    /^The intake has not been recorded yet; the advisor records it first\.$/,
    'Het intakegesprek is nog niet vastgelegd; de adviseur legt het eerst vast.',
  ],
  [
    /^This contract has the (\w+) regime: intake and plan apply to the plan regime only \(it still reports every half-year\)\.$/,
    (r) =>
      `Dit contract valt onder het regime ${st(r)}: intake en plan gelden alleen bij het planregime (er wordt wel elk halfjaar gerapporteerd).`,
  ],
  [
    /^This contract has no social return obligation( to report on)?\.$/,
    'Dit contract heeft geen verplichting voor social return.',
  ],
  [
    /^A contract with reference (.+) already exists\.$/,
    (r) => `Er bestaat al een contract met kenmerk ${r}.`,
  ],
  [
    /^A supplier with KvK number (.+) is already registered\.$/,
    (k) => `Er is al een leverancier met KvK-nummer ${k} geregistreerd.`,
  ],
  [/^The contract dates are not valid\.$/, 'De contractdata zijn niet geldig.'],
  [/^The contract cannot be awarded\.$/, 'Het contract kan niet worden gegund.'],
  [/^The contract cannot be judged\.$/, 'Het contract kan niet worden beoordeeld.'],
  [/^The contract manager is not valid\.$/, 'De contractmanager is niet geldig.'],
  [/^The extension is not valid\.$/, 'De verlenging is niet geldig.'],
  [/^Start a contract before (adding its values|finishing it)\.$/, 'Start eerst een contract.'],
  [/^The policy has problems; nothing was saved\.$/, 'Het beleid bevat fouten; er is niets opgeslagen.'],
  [/^This pledge is already (\w+)\.$/, (s) => `Deze toezegging is al ${st(s)}.`],
  [/^The need is not one of this initiative\.$/, 'Deze behoefte hoort niet bij dit initiatief.'],
  [/^A need is not one of this initiative\.$/, 'Een behoefte hoort niet bij dit initiatief.'],
  [/^This need is closed\.$/, 'Deze behoefte is gesloten.'],
  [/^The kind of pledge does not answer this need\.$/, 'Dit soort toezegging past niet bij deze behoefte.'],
  [/^The quantity does not fit the kind of pledge\.$/, 'De hoeveelheid past niet bij het soort toezegging.'],
  [/^This account does not act for an initiative\.$/, 'Dit account werkt niet voor een initiatief.'],
  [
    /^The profile is (\w+); only a draft can be submitted\.$/,
    (s) => `Het profiel is ${st(s)}; alleen een concept kan worden ingediend.`,
  ],
  [
    /^The profile is (\w+); it cannot be (\w+) now\.$/,
    (s, d) => `Het profiel is ${st(s)}; het kan nu niet ${st(d)} worden.`,
  ],
  [/^Enable this user first\.$/, 'Zet deze gebruiker eerst aan.'],
  [/^This role cannot be given by invitation\.$/, 'Deze rol kan niet via een uitnodiging worden gegeven.'],
  [
    /^A supplier user belongs to a supplier\.$/,
    'Een gebruiker van een leverancier hoort bij een leverancier.',
  ],
  [
    /^An initiative user belongs to an initiative\.$/,
    'Een gebruiker van een initiatief hoort bij een initiatief.',
  ],
  [/^(.+) has accepted the invitation already\.$/, (e) => `${e} heeft de uitnodiging al aangenomen.`],
  [
    /^(.+) has not accepted the invitation yet; send the invitation again instead\.$/,
    (e) => `${e} heeft de uitnodiging nog niet aangenomen; stuur de uitnodiging opnieuw.`,
  ],
  [
    /^Three reset links went to this account in the last hour; try again later\.$/,
    'Er gingen het afgelopen uur al drie herstellinks naar dit account; probeer het later opnieuw.',
  ],
  [/^(.+) has this role here already\.$/, (e) => `${e} heeft deze rol hier al.`],
  [
    /^You cannot change or remove your own role; ask another administrator of this municipality\.$/,
    'U kunt uw eigen rol niet wijzigen of verwijderen; vraag een andere beheerder van deze gemeente.',
  ],
  [
    /^A supplier or initiative role cannot be changed; remove it and invite again\.$/,
    'Een rol van leverancier of initiatief kan niet worden gewijzigd; verwijder haar en nodig opnieuw uit.',
  ],
  [/^Name the token \(1–100 characters\)\.$/, 'Geef de token een naam (1–100 tekens).'],
  [/^The API token is unknown or revoked\.$/, 'De API-token is onbekend of ingetrokken.'],
  [
    /^No activity of this report waits for a decision\.$/,
    'Geen activiteit van deze rapportage wacht op een beslissing.',
  ],
  [
    /^(\d+) of the activities have no evidence; decide them one by one\.$/,
    (n) => `${n} van de activiteiten hebben geen bewijsstuk; beoordeel ze een voor een.`,
  ],
  [/^has no evidence$/, 'heeft geen bewijsstuk'],
  [
    /^Only a verifier of this municipality can be assigned\.$/,
    'Alleen een verificateur van deze gemeente kan worden toegewezen.',
  ],
  [/^is not a verifier of this municipality$/, 'is geen verificateur van deze gemeente'],
  [
    /^This verifier is assigned to the contract already\.$/,
    'Deze verificateur is al aan het contract toegewezen.',
  ],
  [
    /^(\d+) of the activities have no evidence, and the policy requires it for their type; add evidence or remove them before submitting\.$/,
    (n) =>
      `${n} van de activiteiten hebben geen bewijsstuk, en het beleid vereist dat voor hun soort; voeg een bewijsstuk toe of verwijder ze voordat u indient.`,
  ],
  [
    /^This activity has no evidence, and the policy requires it for its type; ask for more information or reject it\.$/,
    'Deze activiteit heeft geen bewijsstuk, en het beleid vereist dat voor deze soort; vraag om meer informatie of wijs haar af.',
  ],
  [
    /^has no evidence, which the policy requires for (.+)$/,
    (code) => `heeft geen bewijsstuk, dat het beleid vereist voor ${code}`,
  ],
  [/^The cursor is not valid\.$/, 'De cursor is niet geldig.'],
  [/^is not a cursor of this list$/, 'is geen cursor van deze lijst'],
  [/^is not a cursor of this list and sort$/, 'is geen cursor van deze lijst en sortering'],
  [/^must be 1–(\d+)$/, (n) => `moet 1–${n} zijn`],
  [/^No such endpoint: (.+)$/, (e) => `Dit adres bestaat niet: ${e}`],
  [
    /^Something went wrong on our side\. Nothing was saved\.$/,
    'Er ging bij ons iets mis. Er is niets opgeslagen.',
  ],
  [
    /^Too many failed sign-ins\. Try again in (\d+) minutes?\.$/,
    (n) => `Te vaak mislukt aangemeld. Probeer het over ${n} ${n === '1' ? 'minuut' : 'minuten'} opnieuw.`,
  ],
  [
    /^The Authorization header must be "Bearer <token>"\.$/,
    'De Authorization-header moet "Bearer <token>" zijn.',
  ],
  // Files in (decision 021): cells, rows and files of an import
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

const kindNl = (k: string) =>
  ({ hours: 'uren', money: 'geld', goods: 'goederen', place: 'een plek' })[k] ?? k;
const mb = (bytes: string) => `${Math.round(Number(bytes) / 1024 / 1024)} MB`;
function thingNl(w: string): string {
  const map: Record<string, string> = {
    activity: 'Deze activiteit',
    contract: 'Dit contract',
    'evidence file': 'Dit bewijsstuk',
    initiative: 'Dit initiatief',
    need: 'Deze behoefte',
    notification: 'Deze melding',
    'plan version': 'Deze planversie',
    pledge: 'Deze toezegging',
    report: 'Deze rapportage',
    supplier: 'Deze leverancier',
    token: 'Deze token',
  };
  return map[w] ?? w;
}
function evidenceReasonNl(r: string): string {
  if (r === 'the content is not a PDF, PNG, JPEG or office document')
    return 'de inhoud is geen PDF, PNG, JPEG of kantoordocument';
  const type = /^files of type (.+) are not accepted$/.exec(r);
  if (type) return `bestanden van het type ${type[1]} worden niet aangenomen`;
  const ext = /^the content is a \.(\w+) document but the name ends in \.(.+)$/.exec(r);
  if (ext) return `de inhoud is een .${ext[1]}-document, maar de naam eindigt op .${ext[2]}`;
  return r;
}

const compiled = rules.map(([re, to]) => [new RegExp(re.source), to] as const);

/** The Dutch of one English message or reason; unknown text comes back unchanged. */
export function toDutchMessage(text: string): string {
  for (const [re, to] of compiled) {
    const m = re.exec(text);
    if (!m) continue;
    if (typeof to === 'string') return to;
    return to(...m.slice(1).map((g) => g ?? ''));
  }
  return text;
}

/** The Dutch title of a problem type. */
export function toDutchTitle(title: string): string {
  return titles[title] ?? title;
}
