/**
 * The API's JSON as the UI reads it: the shapes of /api/v1/openapi.json (components.schemas), with
 * only the fields the UI uses. Values are shown as the API sends them; the UI never computes a
 * valuation or a status itself.
 */
export type Regime = 'none' | 'trust' | 'plan';
export type ProgressStatus = 'met' | 'notMet' | 'behind' | 'onTrack';
export type Category = 'employment' | 'participation' | 'socialDomain' | 'socialEnterprise';
export type Method =
  'fteYear' | 'unit' | 'hour' | 'spendShare' | 'money' | 'obligationShare' | 'targetGroupYear';

/** Every list answer: `{ items: [...] }`. */
export interface List<T> {
  items: T[];
}

/** One page of a list that pages (`GET /contracts`): `nextCursor` absent on the last page. */
export interface Page<T> extends List<T> {
  nextCursor?: string;
  total: number;
}

export interface Obligation {
  amountCents: number;
  regime: Regime;
  policyVersion: number;
  ruleId: string;
  explanation: string;
}

export interface CategoryProgress {
  plannedCents: number;
  realisedCents: number;
  verifiedCents: number;
}

export interface Progress {
  obligationCents: number;
  plannedCents: number;
  realisedCents: number;
  verifiedCents: number;
  expectedCents: number;
  forecastCents: number;
  status: ProgressStatus;
  byCategory: Record<Category, CategoryProgress>;
  /** After the end date only (domain.md §12). */
  shortfallCents?: number | undefined;
  penaltyCents?: number | undefined;
  /** The rule and arithmetic of each figure, in the Accept-Language (GET /contracts/{id}/progress only). */
  explanations?: ProgressExplanations;
}

export type ProgressExplanations = Record<
  'planned' | 'realised' | 'verified' | 'expected' | 'forecast',
  string
>;

export interface Contract {
  id: string;
  reference: string;
  title: string;
  supplierId: string;
  supplierName: string;
  contractManagerId: string | null;
  contractManagerName: string | null;
  kind: 'works' | 'servicesAndSupplies';
  valueCents: number;
  totalValueCents: number;
  startDate: string;
  endDate: string;
  awardDate: string;
  /** The latest end date options may reach (a possible extension, not the end). */
  maxExtentDate?: string | null;
  regime: Regime;
  obligationCents: number;
  obligation: Obligation;
  extensions?: { id: string; valueCents: number; endDate: string | null; note: string }[];
}

/** GET /contracts rows carry their progress today. */
export interface ContractListItem extends Contract {
  progress: Omit<Progress, 'byCategory'>;
}

export interface Valuation {
  valueCents: number;
  ruleId: string;
  explanation: string;
}

export interface Quantities {
  /** targetGroupYear (domain.md §11). */
  targetGroup?: string | null | undefined;
  hoursPerWeek?: number | null | undefined;
  bonuses?: string[] | null | undefined;
  fte?: number | null | undefined;
  months?: number | null | undefined;
  units?: number | null | undefined;
  hours?: number | null | undefined;
  amountCents?: number | null | undefined;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
}

/** A plan item as the API answers it: valued, with its rule and arithmetic. */
export interface PlanItem extends Quantities {
  typeCode: string;
  category: string;
  method: string;
  period: string;
  valueCents: number;
  ruleId: string;
  explanation: string;
}

/** A plan item as PUT /contracts/{id}/plan takes it. */
export interface PlanItemInput extends Quantities {
  typeCode: string;
  period: string;
}

export interface PlanVersion {
  id: string;
  version: number;
  plannedCents: number;
  submittedAt: string;
  decision: 'approved' | 'returned' | null;
  comment: string | null;
  reviewedAt: string | null;
}

export type PlanStatus = 'none' | 'draft' | 'submitted' | 'approved' | 'returned';

export interface Plan {
  id: string | null;
  contractId: string;
  status: PlanStatus;
  items: PlanItem[];
  plannedCents: number;
  obligationCents: number;
  intake?: { date: string; notes: string; agreedDirection: string; recordedAt: string } | null;
  versions: PlanVersion[];
}

export type ReportStatus = 'open' | 'submitted' | 'closed' | 'overdue';

export interface Report {
  id: string;
  contractId: string;
  period: string;
  version: number;
  current: boolean;
  status: ReportStatus;
  dueDate: string;
  submittedAt: string | null;
  closedAt: string | null;
}

export type VerificationStatus = 'pending' | 'accepted' | 'rejected' | 'moreInfo';

export interface Activity extends Quantities {
  id: string;
  contractId: string;
  reportId: string;
  period: string;
  typeCode: string;
  category: string;
  method: string;
  candidate: { code: string; targetGroup: string | null } | null;
  description: string;
  valueCents: number;
  valuation: Valuation;
  verification: VerificationStatus;
  verificationReason: string | null;
  /** The confirmed marketplace pledge this activity came from. */
  pledge?: { id: string; initiativeName: string } | null;
  /** On a report's activities: evidence files, and whether the policy requires evidence for the type. */
  evidenceCount?: number;
  evidenceRequired?: boolean;
}

export interface ReportDetail extends Report {
  contract: { id: string; reference: string; title: string };
  totalCents: number;
  activities: Activity[];
}

export interface EvidenceFile {
  id: string;
  activityId: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  uploadedAt: string;
}

export interface ActivityType {
  code: string;
  name: string;
  category: Category;
  method: Method;
  rateCents?: number | undefined;
  shareBp?: number | undefined;
  unit?: string | undefined;
  description?: string | undefined;
  evidenceRequired?: boolean | undefined;
}

export interface TargetGroup {
  code: string;
  name: string;
  rateCents: number;
  maxMonths?: number | undefined;
}

export interface Bonus {
  code: string;
  name: string;
  rateCents: number;
}

/** The target-group data of a policy version (domain.md §11), where it has it. */
export interface TargetGroupData {
  fullTimeHoursPerWeek?: number | undefined;
  minHoursPerWeek?: number | undefined;
  targetGroups?: TargetGroup[] | undefined;
  bonuses?: Bonus[] | undefined;
  targetGroupSource?: { title: string; url?: string | undefined; readOn?: string | undefined } | undefined;
}

export interface ActivityTypeList extends List<ActivityType>, TargetGroupData {
  on: string;
  policyVersion: number;
}

export interface TargetGroupTable {
  code: string;
  name: string;
  region: string;
  fullTimeHoursPerWeek: number;
  targetGroups: TargetGroup[];
  bonuses: Bonus[];
  source: { title: string; url: string; readOn: string; note: string };
}

export interface Settlement {
  contractId: string;
  decidedOn: string;
  decision: 'impose' | 'reduce' | 'waive';
  obligationCents: number;
  verifiedCents: number;
  carriedInCents: number;
  shortfallCents: number;
  computedPenaltyCents: number;
  penaltyFactorBp: number | null;
  penaltyCents: number;
  note: string;
  explanation: string;
  carryOver: { contractId: string; amountCents: number; reason: string } | null;
}

export interface SettlementState {
  settlement: Settlement | null;
  carriedInCents: number;
  carriedIn: { fromContractId: string; fromReference: string; amountCents: number; reason: string | null }[];
}

export interface ContractSummary {
  asOf: string;
  lang: 'nl' | 'en';
  contract: Contract;
  progress: Progress;
  plan: { status: string; plannedCents: number } | null;
  reports: Report[];
  story: { nl: string; en: string };
  text: string;
}

export interface Supplier {
  id: string;
  name: string;
  kvkNumber: string;
}

export interface SupplierDetail extends Supplier {
  contacts: { name: string; email: string; phone?: string }[];
  createdAt: string;
}

export interface SupplierListItem extends SupplierDetail {
  contractCount: number;
}

/** A contract manager of the municipality, to pick for a contract (GET /contract-managers). */
export interface ContractManager {
  userId: string;
  name: string;
  email: string;
}

export type ContractPage = Page<ContractListItem>;

export interface WorkQueueItem {
  contractId: string;
  contractReference: string;
  contractTitle: string;
  supplierName: string;
  reportId: string | null;
  period: string | null;
  date: string | null;
  activities: number;
}

export interface WorkQueueGroup {
  kind:
    | 'toVerify'
    | 'answered'
    | 'toReview'
    | 'overdue'
    | 'behind'
    | 'due'
    | 'questions'
    | 'returnedPlans'
    | 'toEvaluate';
  count: number;
  items: WorkQueueItem[];
}

export interface WorkQueue {
  items: WorkQueueGroup[];
}

/** POST /contract-imports: every row's result, or every error by row and column. */
export interface ContractImport {
  dryRun: boolean;
  rows: number;
  created: number;
  unchanged: number;
  valueCents: number;
  obligationCents: number;
  items: {
    row: number;
    reference: string;
    title: string;
    supplierName: string;
    supplierKey: string;
    valueCents: number;
    startDate: string;
    endDate: string;
    maxExtentDate: string | null;
    awardDate: string;
    kind: 'works' | 'servicesAndSupplies';
    action: 'create' | 'unchanged';
    obligationCents: number;
    regime: Regime;
    invoicedCents: number;
  }[];
  errors: { row: number; column: string; reason: string }[];
}

/** GET /contracts/{id}/invoices: a framework contract's invoiced half-years. */
export interface ContractInvoices {
  base: 'totalValue' | 'labourCost' | 'invoiced';
  items: { period: string; amountCents: number }[];
  totalCents: number;
  obligation: { amountCents: number; regime: Regime; explanation: string; explanationNl: string };
}
