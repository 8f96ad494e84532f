/**
 * The clauses of domain.md §3–7, one id and one line each. A test row cites a clause with a
 * `rule: '<id>'` field; test/domain-clauses.test.ts fails when a clause is cited by no row or a row
 * cites an id that is not here. Test data only: nothing in the application reads it.
 */
export const clauses = {
  // §3 Policy
  '§3 version in force on the award date':
    'a contract is judged by the policy version in force on its award date, for its whole life',
  '§3 settings left open take the defaults':
    'every number is a default; a setting a policy leaves open takes the §3 default',
  '§3 percentage': 'the percentage of the base, in basis points (Amsterdam 2% = 200)',
  '§3 base': 'the base is the total contract value excl. VAT, or the labour-cost part',
  '§3 plan threshold': 'below the plan threshold the trust regime, at or above it the plan regime',
  '§3 exempt below': 'optionally no social return below a value; never above a plan threshold',
  '§3 intake and plan due': 'intake (summer) and plan due (autumn), plan regime only',
  '§3 reporting half-yearly': 'H1 (Jan–Jun) is reported in July, H2 (Jul–Dec) in January',
  '§3 report due days':
    'a report is due a configurable number of days after its period (31: 31 Jan / 31 Jul)',
  '§3 category caps': 'optional maximum share of the obligation per category',
  '§3 behind tolerance': 'status behind below the expected pace minus the tolerance (10%)',
  '§3 obligation cap': 'optional maximum obligation amount',
  '§3 threshold by contract kind': 'optional separate plan thresholds for works and for services/supplies',
  // §4 Obligation
  '§4 obligation': 'obligation = round(base × percentage)',
  '§4 extension base':
    'with options or extensions the base is the new total value, under the policy version of the original award',
  '§4 extension regime': 'the regime is judged again on the new total',
  '§4 regime none': 'below exempt-below: regime none',
  '§4 regime trust': 'below the plan threshold: regime trust',
  '§4 regime plan': 'at or above the plan threshold: regime plan',
  '§4 trust keeps its obligation':
    'trust contracts keep their obligation and may report; they have no intake or plan',
  '§4 expected pro rata by days': 'expected(asOf) = obligation × elapsedDays / termDays',
  '§4 days inclusive': 'elapsedDays and termDays count start and end date inclusive',
  '§4 elapsed clipped': 'elapsedDays is clipped to 0..termDays',
  // §5 The ladder
  '§5 ladder':
    'every activity type belongs to one of employment, participation, socialDomain, socialEnterprise, in that order',
  // §6 Valuation
  '§6 catalogue entry': 'an activity type has a code, a category, a unit, a method and a rate (or share)',
  '§6 fteYear': 'fteYear: rate × fte × months / 12',
  '§6 fteYear inputs': 'fteYear: fte > 0 and ≤ 1.5, months in the period > 0 and ≤ 6',
  '§6 unit': 'unit: rate × units',
  '§6 unit inputs': 'unit: units whole and > 0',
  '§6 hour': 'hour: rate × hours',
  '§6 hour inputs': 'hour: hours > 0',
  '§6 spendShare': 'spendShare: amount spent × share',
  '§6 spendShare inputs': 'spendShare: amountCents spent > 0',
  '§6 money': 'money: amount given × share',
  '§6 money default share': 'money: the share defaults to 100%',
  '§6 money inputs': 'money: amountCents given > 0',
  '§6 obligationShare': 'obligationShare: share × obligation × coveredDays / termDays',
  '§6 obligationShare inputs': 'obligationShare: a certificate with valid-from and valid-to',
  '§6 rounding once half away from zero':
    "each activity's value is rounded once, half away from zero, to whole cents",
  '§6 totals are sums of rounded values': 'totals are sums of rounded values',
  '§6 more precision refused': 'inputs with more precision than the method allows are refused',
  '§6 category cap': 'counted = min(sum in category, cap × obligation)',
  '§6 cap amount rounded': 'the cap amount is rounded like a valuation',
  '§6 counted after caps': 'realised and verified totals are counted after caps',
  '§6 PSO rung shares': 'PSO rung 1 = 50%, rung 2 = 100%, rung 3 = 100%, 30+ = 100% of the obligation',
  '§6 PSO days within the term': 'PSO counts for the days the certificate is valid within the contract term',
  '§6 certificate valid when reported': 'a certificate must be valid at the time it is reported',
  '§6 rule named': 'every valuation returns its value and the rule that produced it',
  '§6 explanation': 'every valuation returns an explanation a person can check by hand',
  '§6 at most one FTE per candidate':
    'one candidate counts for at most 1.0 FTE in any half-year across all contracts',
  '§6 double counting refused with the reason':
    'an activity that would push a candidate past 1.0 FTE is refused with the reason',
  '§6 one target group per candidate': 'a candidate counts in one target group only',
  '§6 committed, reported and verified apart':
    'committed (planned), reported (realised) and verified value are kept apart',
  '§6 only verified value closes': 'only verified value closes an obligation',
  '§6 default catalogue': "Retour's default catalogue of activity types, with their methods and rates",
  // §7 Plans, reports and verification
  '§7 plan path': 'intake recorded → plan drafted → submitted → approved or returned with comments',
  '§7 planned value known':
    'a plan is drafted from catalogue activities with planned quantities and periods, so its value is known',
  '§7 plan versions kept': 'each submitted plan version is kept',
  '§7 a report per half-year': 'every half-year of the term has a report',
  '§7 report open, submitted, closed': 'a report goes open → submitted → closed',
  '§7 report closes when every activity is decided':
    'a report closes after every activity is accepted or rejected',
  '§7 report overdue': 'a report is overdue when the due date passes unsubmitted',
  '§7 reminders and notice': 'reminders go out before the due date, a notice after it',
  '§7 progress figures': 'progress shows obligation, planned, realised, verified, expected and forecast',
  '§7 forecast': 'forecast = realised × termDays / elapsedDays',
  '§7 forecast before the start': 'the forecast is 0 before the start',
  '§7 forecast after the end equals realised': 'after the end the forecast equals realised',
  '§7 expected and forecast rounded': 'expected and forecast are rounded half away from zero to whole cents',
  '§7 status met': 'met: verified ≥ obligation',
  '§7 status notMet': 'notMet: the date is after the end',
  '§7 status behind': 'behind: realised < expected × (1 − tolerance)',
  '§7 status onTrack': 'onTrack otherwise',
  '§7 status order': 'statuses are tested in the order met, notMet, behind, onTrack',
} as const;

export type ClauseId = keyof typeof clauses;
