import { z } from '@hono/zod-openapi';
import { CentsSchema, IsoDateSchema } from '../openapi.ts';

const categories = ['employment', 'participation', 'socialDomain', 'socialEnterprise'] as const;
const methods = ['fteYear', 'unit', 'hour', 'spendShare', 'money', 'obligationShare'] as const;
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
  })
  .openapi('ActivityType');

/** A full policy version as api.md defines it; deeper rules are checked by the domain's validatePolicy. */
export const PolicyInputSchema = z
  .object({
    validFrom: IsoDateSchema,
    percentageBp: basisPoints.openapi({ example: 200 }),
    base: z.enum(['totalValue', 'labourCost']).optional(),
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
