/**
 * Dutch for the problem details the API writes in English (decision 015). The use cases and the
 * domain keep one English message per refusal (logs, audit, CLI); at the HTTP edge a Dutch request
 * gets `title`, `detail` and every `invalidParams[].reason` through this table. A message the table
 * does not know stays English: the table test lists the messages a user meets.
 *
 * The table is kept by area in problem-dutch/; this file puts the areas together in one order,
 * and the first matching pattern wins, so a part's place in the list below matters.
 */
import { accountMessageRules } from './problem-dutch/account-messages.ts';
import { accessMessageRules } from './problem-dutch/access-messages.ts';
import { activityReasonRules } from './problem-dutch/activity-reasons.ts';
import { contractImportRules } from './problem-dutch/contract-import.ts';
import { fieldReasonRules } from './problem-dutch/field-reasons.ts';
import { fileImportRules } from './problem-dutch/file-import.ts';
import { generalMessageRules } from './problem-dutch/general-messages.ts';
import { marketplaceMessageRules } from './problem-dutch/marketplace-messages.ts';
import { planAndContractMessageRules } from './problem-dutch/plan-and-contract-messages.ts';
import { reportMessageRules } from './problem-dutch/report-messages.ts';
import type { Rule } from './problem-dutch/rule.ts';
import { titles } from './problem-dutch/titles.ts';
import { useCaseReasonRules } from './problem-dutch/use-case-reasons.ts';
import { verificationMessageRules } from './problem-dutch/verification-messages.ts';

/** Whole messages (detail) and field reasons; the first matching rule wins, anchored at both ends. */
const rules: readonly Rule[] = [
  ...contractImportRules,
  // Field reasons (zod schemas, use cases, domain validation)
  ...fieldReasonRules,
  ...activityReasonRules,
  ...useCaseReasonRules,
  // Whole messages (detail)
  ...accessMessageRules,
  ...reportMessageRules,
  ...planAndContractMessageRules,
  ...marketplaceMessageRules,
  ...accountMessageRules,
  ...verificationMessageRules,
  ...generalMessageRules,
  ...fileImportRules,
];

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
