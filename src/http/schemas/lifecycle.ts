import { z } from '@hono/zod-openapi';
import { maxAmountCents } from '../../app/lifecycle/create-contract.ts';
import { isHalfYear, isIsoDate } from '../../domain/index.ts';
import { CentsSchema, IsoDateSchema } from '../openapi.ts';

/** A real calendar date (2026-02-30 is refused), documented as `format: date`. */
export const RealDateSchema = IsoDateSchema.refine(isIsoDate, 'must be a real date (YYYY-MM-DD)');

export const AmountSchema = CentsSchema.min(0, 'must not be negative').max(
  maxAmountCents,
  'must not exceed €10 billion (1000000000000 cents)',
);

export const PeriodSchema = z
  .string()
  .refine(isHalfYear, 'must be a half-year (YYYY-H1 or YYYY-H2)')
  .openapi({ example: '2026-H1', description: 'Half-year: H1 = January–June, H2 = July–December' });

const quantity = (description: string) =>
  z.number().openapi({ description: `${description} (at most 2 decimals)` });

/** Quantities of an activity; which apply depends on the type's method (fteYear, unit, …). */
export const QuantityFields = {
  typeCode: z.string().min(1).max(100).openapi({ example: 'job-benefits' }),
  period: PeriodSchema,
  fte: quantity('Full-time equivalent, > 0 and ≤ 1.5 (fteYear)').optional(),
  months: quantity('Months in the half-year, > 0 and ≤ 6 (fteYear)').optional(),
  units: z.number().int('must be a whole number').openapi({ description: 'Units (unit)' }).optional(),
  hours: quantity('Hours (hour)').optional(),
  amountCents: AmountSchema.optional(),
  validFrom: RealDateSchema.optional(),
  validTo: RealDateSchema.optional(),
};

/** The inputs of a `targetGroupYear` activity or plan item (domain.md §11; api.md second wave). */
export const TargetGroupInputFields = {
  targetGroup: z.string().max(100).optional().openapi({
    description: 'targetGroupYear: a code of the policy’s targetGroups',
    example: 'pw-lt2',
  }),
  hoursPerWeek: z.number().optional().openapi({
    description: 'targetGroupYear: hours a week, > 0 and ≤ 60, at least the policy’s minHoursPerWeek',
    example: 24,
  }),
  bonuses: z
    .array(z.string().max(100))
    .max(20)
    .optional()
    .openapi({ description: 'targetGroupYear: codes of the policy’s bonuses', example: ['age-50'] }),
};

export const ValuationSchema = z
  .object({
    valueCents: CentsSchema,
    ruleId: z.string().openapi({ example: 'fteYear:job-benefits@1' }),
    explanation: z.string().openapi({
      example: '1 FTE × 6 months / 12 × €35.000,00 = €17.500,00',
      description: 'In the language of Accept-Language (nl or en)',
    }),
    explanationNl: z
      .string()
      .openapi({ description: 'The explanation in Dutch, whatever the Accept-Language' }),
    countedMonths: z.number().optional().openapi({
      description: 'targetGroupYear: the months that count after the group’s cap',
    }),
  })
  .openapi('Valuation');

export const CategorySchema = z.enum(['employment', 'participation', 'socialDomain', 'socialEnterprise']);
export const RegimeSchema = z.enum(['none', 'trust', 'plan']);
export const StatusSchema = z.enum(['met', 'notMet', 'behind', 'onTrack']);
export const LangSchema = z.enum(['nl', 'en']);

const amounts = {
  plannedCents: CentsSchema,
  realisedCents: CentsSchema,
  verifiedCents: CentsSchema,
};

export const CategoryProgressSchema = z.object(amounts).openapi('CategoryProgress');

export const ProgressFields = {
  obligationCents: CentsSchema,
  ...amounts,
  expectedCents: CentsSchema,
  forecastCents: CentsSchema,
  status: StatusSchema,
  shortfallCents: CentsSchema.optional().openapi({
    description: 'After the end date: max(0, obligation − verified, less surpluses carried in)',
  }),
  penaltyCents: CentsSchema.optional().openapi({
    description: 'After the end date: shortfall × the policy’s penaltyFactorBp (0 without one)',
  }),
};

export const ProgressSchema = z
  .object({
    ...ProgressFields,
    byCategory: z.object({
      employment: CategoryProgressSchema,
      participation: CategoryProgressSchema,
      socialDomain: CategoryProgressSchema,
      socialEnterprise: CategoryProgressSchema,
    }),
  })
  .openapi('Progress');

export const ProgressQuerySchema = z.object({ asOf: RealDateSchema.optional() });
