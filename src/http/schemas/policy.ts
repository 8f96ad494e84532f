import { z } from '@hono/zod-openapi';
import { CentsSchema, IsoDateSchema } from '../openapi.ts';

const categories = ['employment', 'participation', 'socialDomain', 'socialEnterprise'] as const;
const methods = [
  'fteYear',
  'unit',
  'hour',
  'spendShare',
  'money',
  'obligationShare',
  'targetGroupYear',
] as const;
const basisPoints = z
  .number()
  .int('must be whole basis points')
  .openapi({ description: 'Basis points: 100 = 1%' });

export const ActivityTypeSchema = z
  .object({
    code: z.string().min(1).openapi({ example: 'job-benefits' }),
    name: z.string().min(1).openapi({ example: 'Baan voor iemand met een uitkering' }),
    category: z.enum(categories),
    method: z.enum(methods),
    rateCents: CentsSchema.optional(),
    shareBp: basisPoints.optional(),
    unit: z.string().optional(),
    description: z.string().optional(),
    evidenceRequired: z.boolean().optional().openapi({
      description:
        'Evidence is required: an activity of this type without evidence is not submitted or accepted (otherwise a warning)',
    }),
  })
  .openapi('ActivityType');

export const TargetGroupSchema = z
  .object({
    code: z.string().min(1).openapi({ example: 'pw-lt2' }),
    name: z.string().min(1).openapi({ example: 'Participatiewet < 2 jaar' }),
    rateCents: CentsSchema.openapi({ description: 'Per full-time year', example: 3_000_000 }),
    maxMonths: z.number().int().optional().openapi({
      description:
        'Months one candidate counts in this group, over every half-year and contract of the supplier',
      example: 24,
    }),
  })
  .openapi('TargetGroup');

export const BonusSchema = z
  .object({
    code: z.string().min(1).openapi({ example: 'age-50' }),
    name: z.string().min(1).openapi({ example: '50+' }),
    rateCents: CentsSchema.openapi({ description: 'Per full-time year', example: 500_000 }),
  })
  .openapi('Bonus');

export const TargetGroupSourceSchema = z
  .object({
    title: z.string(),
    url: z.string().optional(),
    readOn: IsoDateSchema.optional().openapi({ description: 'When the published table was read' }),
  })
  .openapi('TargetGroupSource');

/** The target-group fields of a policy version (domain.md §11, §12). */
export const TargetGroupFields = {
  fullTimeHoursPerWeek: z
    .number()
    .int()
    .optional()
    .openapi({ description: 'Hours of a full-time week (default 36)', example: 36 }),
  minHoursPerWeek: z
    .number()
    .int()
    .optional()
    .openapi({ description: 'Fewer hours a week do not count', example: 12 }),
  targetGroups: z.array(TargetGroupSchema).optional(),
  bonuses: z.array(BonusSchema).optional(),
  targetGroupSource: TargetGroupSourceSchema.optional(),
};

/** A full policy version as api.md defines it; deeper rules are checked by the domain's validatePolicy. */
export const PolicyInputSchema = z
  .object({
    validFrom: IsoDateSchema,
    percentageBp: basisPoints.openapi({ example: 200 }),
    base: z.enum(['totalValue', 'labourCost', 'invoiced']).optional().openapi({
      description:
        'What the percentage applies to: total value (default), labour cost, or the invoiced amounts per half-year (framework contracts)',
    }),
    planThresholdCents: CentsSchema.openapi({ example: 20_000_000 }),
    planThresholdByKind: z
      .object({ works: CentsSchema.optional(), servicesAndSupplies: CentsSchema.optional() })
      .optional(),
    exemptBelowCents: CentsSchema.optional(),
    obligationCapCents: CentsSchema.optional(),
    minTermMonths: z.number().int().min(1).max(1200).optional().openapi({
      description:
        'Contracts with a shorter term (whole months, start and end inclusive) have no social return',
      example: 6,
    }),
    reporting: z.enum(['halfYearly', 'atCompletion']).optional().openapi({
      description:
        'halfYearly (default): a report per half-year of the term; atCompletion: assessed once at the end',
    }),
    reportDueDays: z.number().int().optional(),
    behindToleranceBp: basisPoints.optional(),
    retentionYears: z.number().int().optional(),
    categoryCapsBp: z
      .object({
        employment: basisPoints.optional(),
        participation: basisPoints.optional(),
        socialDomain: basisPoints.optional(),
        socialEnterprise: basisPoints.optional(),
      })
      .optional(),
    intake: z.string().optional(),
    planDue: z.string().optional(),
    source: z.object({ title: z.string(), url: z.string().optional() }).optional(),
    activityTypes: z.array(ActivityTypeSchema),
    ...TargetGroupFields,
    penaltyFactorBp: basisPoints.optional().openapi({
      description: 'Penalty on the unrealised amount at the end: 15000 = 1.5 ×',
      example: 15_000,
    }),
  })
  .passthrough()
  .openapi('PolicyInput');

export const PolicyVersionSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    validFrom: IsoDateSchema,
    createdAt: z.string().openapi({ format: 'date-time' }),
    policy: PolicyInputSchema,
  })
  .openapi('PolicyVersion');
