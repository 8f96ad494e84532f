/** A municipality's policy versions as the API takes and answers them (POST and GET /policies). */
import type { ActivityType, Category, TargetGroupData } from './model.ts';

/** A policy version's rules, as POST /policies takes them and GET /policies returns them. */
export interface PolicyInput extends TargetGroupData {
  validFrom: string;
  penaltyFactorBp?: number | undefined;
  percentageBp: number;
  planThresholdCents: number;
  exemptBelowCents?: number | undefined;
  reportDueDays?: number | undefined;
  behindToleranceBp?: number | undefined;
  obligationCapCents?: number | undefined;
  planThresholdByKind?: { works?: number | undefined; servicesAndSupplies?: number | undefined } | undefined;
  categoryCapsBp?: Partial<Record<Category, number>> | undefined;
  activityTypes: ActivityType[];
  [more: string]: unknown;
}

/** A policy version's tender rules (issue 17), as the API stores them. */
export interface TenderRules {
  labourShareBands: { belowBp: number; percentageBp: number }[];
  suggestionRules: {
    form:
      | 'jobs'
      | 'bblPlaces'
      | 'internships'
      | 'workExperience'
      | 'socialFirmPurchase'
      | 'swCooperation'
      | 'marketplace'
      | 'pso'
      | 'ownProcurement';
    when: {
      kinds?: ('works' | 'services' | 'supplies')[];
      regimes?: ('none' | 'trust' | 'plan')[];
      labourShareBelowBp?: number;
      labourShareAtLeastBp?: number;
      minTermMonths?: number;
      minValueCents?: number;
      cpvPrefixes?: string[];
    };
    reason: { nl: string; en: string };
  }[];
  clauseTemplates: Record<'none' | 'trust' | 'plan', { nl: string; en: string }>;
}

export interface PolicyVersion {
  id: string;
  version: number;
  validFrom: string;
  createdAt: string;
  policy: PolicyInput;
}
