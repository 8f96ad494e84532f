/**
 * The shapes the UI reads, normalised from the API's JSON (list answers are `{ items }`). Values are
 * shown as the API sends them; the UI never computes a valuation or a status itself.
 */
export type Regime = 'none' | 'trust' | 'plan';
export type ProgressStatus = 'met' | 'notMet' | 'behind' | 'onTrack';
export type Category = 'employment' | 'participation' | 'socialDomain' | 'socialEnterprise';

export interface Obligation {
  amountCents: number;
  regime: Regime;
  policyVersion?: number | undefined;
  explanation: string;
  ruleId?: string | undefined;
}

export interface Progress {
  obligationCents: number;
  plannedCents: number;
  realisedCents: number;
  verifiedCents: number;
  expectedCents: number;
  forecastCents: number;
  status: ProgressStatus;
}

export interface ContractSummaryRow {
  id: string;
  reference: string;
  title: string;
  supplierName: string;
  valueCents: number;
  startDate: string;
  endDate: string;
  regime: Regime;
  obligationCents: number;
  progress?: Progress | undefined;
}

export interface Contract extends ContractSummaryRow {
  supplierId: string;
  awardDate: string;
  kind?: string | undefined;
  obligation: Obligation;
  contractManagerName?: string | undefined;
}

export interface Valuation {
  valueCents: number;
  ruleId: string;
  explanation: string;
}

export interface PlanItem {
  typeCode: string;
  typeName?: string | undefined;
  category?: string | undefined;
  period?: string | undefined;
  fte?: number | undefined;
  months?: number | undefined;
  units?: number | undefined;
  hours?: number | undefined;
  amountCents?: number | undefined;
  valuation?: Valuation | undefined;
}

export interface PlanVersion {
  version: number;
  plannedCents: number;
  submittedAt?: string | undefined;
  decision?: 'approved' | 'returned' | null | undefined;
  comment?: string | null | undefined;
  reviewedAt?: string | null | undefined;
}

export interface Plan {
  id: string;
  status: 'draft' | 'submitted' | 'approved' | 'returned';
  items: PlanItem[];
  plannedCents: number;
  versions: PlanVersion[];
}

export interface Report {
  id: string;
  period: string;
  status: 'open' | 'submitted' | 'closed' | 'overdue';
  dueDate: string;
  submittedAt?: string | null | undefined;
  version?: number | undefined;
}

export interface EvidenceFile {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  uploadedAt?: string | undefined;
}

export interface Activity extends PlanItem {
  id: string;
  reportId?: string | undefined;
  period: string;
  candidate?: string | undefined;
  description?: string | undefined;
  valuation: Valuation;
  verification: 'pending' | 'accepted' | 'rejected' | 'moreInfo';
  verificationReason?: string | null | undefined;
  evidence?: EvidenceFile[] | undefined;
}

export interface ActivityType {
  code: string;
  name: string;
  category: Category;
  method: 'fteYear' | 'unit' | 'hour' | 'spendShare' | 'money' | 'obligationShare';
  rateCents?: number | undefined;
  shareBp?: number | undefined;
  unit?: string | undefined;
  description?: string | undefined;
}

type Raw = Record<string, unknown>;
const o = (v: unknown): Raw => (v && typeof v === 'object' ? (v as Raw) : {});
const s = (v: unknown, d = ''): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : d);
const n = (v: unknown, d = 0): number =>
  typeof v === 'number' ? v : typeof v === 'string' && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : d;
const opt = (v: unknown): number | undefined =>
  v === null || v === undefined || v === '' ? undefined : n(v);

export function items<T>(raw: unknown, map: (r: unknown) => T): T[] {
  const list = Array.isArray(raw) ? raw : Array.isArray(o(raw).items) ? (o(raw).items as unknown[]) : [];
  return list.map(map);
}

export function toProgress(raw: unknown): Progress {
  const r = o(raw);
  return {
    obligationCents: n(r.obligationCents),
    plannedCents: n(r.plannedCents),
    realisedCents: n(r.realisedCents),
    verifiedCents: n(r.verifiedCents),
    expectedCents: n(r.expectedCents),
    forecastCents: n(r.forecastCents),
    status: s(r.status, 'onTrack') as ProgressStatus,
  };
}

export function toContract(raw: unknown): Contract {
  const r = o(raw);
  const ob = o(r.obligation);
  const supplier = o(r.supplier);
  const obligation: Obligation = {
    amountCents: n(ob.amountCents ?? r.obligationCents),
    regime: s(ob.regime ?? r.regime, 'none') as Regime,
    policyVersion: opt(ob.policyVersion ?? r.policyVersion),
    explanation: s(ob.explanation ?? r.obligationExplanation),
    ruleId: s(ob.ruleId ?? r.obligationRuleId) || undefined,
  };
  return {
    id: s(r.id),
    reference: s(r.reference),
    title: s(r.title),
    supplierId: s(r.supplierId ?? supplier.id),
    supplierName: s(r.supplierName ?? supplier.name),
    valueCents: n(r.valueCents),
    startDate: s(r.startDate),
    endDate: s(r.endDate),
    awardDate: s(r.awardDate),
    kind: s(r.kind) || undefined,
    regime: obligation.regime,
    obligationCents: obligation.amountCents,
    obligation,
    contractManagerName: s(o(r.contractManager).name ?? r.contractManagerName) || undefined,
    progress: r.progress ? toProgress(r.progress) : undefined,
  };
}

function toValuation(raw: unknown, r: Raw): Valuation {
  const v = o(raw);
  return {
    valueCents: n(v.valueCents ?? r.valueCents ?? r.plannedCents),
    ruleId: s(v.ruleId ?? r.ruleId),
    explanation: s(v.explanation ?? r.explanation),
  };
}

export function toPlanItem(raw: unknown): PlanItem {
  const r = o(raw);
  return {
    typeCode: s(r.typeCode),
    typeName: s(r.typeName ?? r.name) || undefined,
    category: s(r.category) || undefined,
    period: s(r.period) || undefined,
    fte: opt(r.fte),
    months: opt(r.months),
    units: opt(r.units),
    hours: opt(r.hours),
    amountCents: opt(r.amountCents),
    valuation: r.valuation || r.valueCents !== undefined ? toValuation(r.valuation, r) : undefined,
  };
}

export function toPlan(raw: unknown): Plan {
  const r = o(raw);
  return {
    id: s(r.id),
    status: s(r.status, 'draft') as Plan['status'],
    items: items(r.items, toPlanItem),
    plannedCents: n(r.plannedCents),
    versions: items(r.versions, (v) => {
      const x = o(v);
      return {
        version: n(x.version),
        plannedCents: n(x.plannedCents),
        submittedAt: s(x.submittedAt) || undefined,
        decision: (s(x.decision) || null) as PlanVersion['decision'],
        comment: s(x.comment) || null,
        reviewedAt: s(x.reviewedAt) || null,
      };
    }),
  };
}

export function toReport(raw: unknown): Report {
  const r = o(raw);
  return {
    id: s(r.id),
    period: s(r.period),
    status: s(r.status, 'open') as Report['status'],
    dueDate: s(r.dueDate),
    submittedAt: s(r.submittedAt) || null,
    version: opt(r.version),
  };
}

export function toEvidence(raw: unknown): EvidenceFile {
  const r = o(raw);
  return {
    id: s(r.id),
    filename: s(r.filename),
    mediaType: s(r.mediaType),
    sizeBytes: n(r.sizeBytes),
    uploadedAt: s(r.uploadedAt) || undefined,
  };
}

export function toActivity(raw: unknown): Activity {
  const r = o(raw);
  const verification = o(r.verification);
  return {
    ...toPlanItem(raw),
    id: s(r.id),
    reportId: s(r.reportId) || undefined,
    period: s(r.period),
    candidate: s(r.candidate ?? r.candidateCode ?? o(r.candidate).code) || undefined,
    description: s(r.description) || undefined,
    valuation: toValuation(r.valuation, r),
    verification: s(
      typeof r.verification === 'string' ? r.verification : (verification.decision ?? r.verificationStatus),
      'pending',
    ) as Activity['verification'],
    verificationReason: s(r.verificationReason ?? verification.reason) || null,
    evidence: r.evidence ? items(r.evidence, toEvidence) : undefined,
  };
}

export function toActivityType(raw: unknown): ActivityType {
  const r = o(raw);
  return {
    code: s(r.code),
    name: s(r.name),
    category: s(r.category) as Category,
    method: s(r.method) as ActivityType['method'],
    rateCents: opt(r.rateCents),
    shareBp: opt(r.shareBp),
    unit: s(r.unit) || undefined,
    description: s(r.description) || undefined,
  };
}
