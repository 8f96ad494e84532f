import { z } from '@hono/zod-openapi';
import { CentsSchema, IsoDateSchema } from '../openapi.ts';
import { ValuationSchema } from './lifecycle.ts';

const nullableNumber = z.number().nullable();

/** A version of a contract's half-year report. */
export const ReportSchema = z
  .object({
    id: z.string(),
    contractId: z.string(),
    period: z.string().openapi({ example: '2026-H1' }),
    version: z.number().int(),
    current: z.boolean().openapi({ description: 'False for a version replaced by a correction' }),
    status: z.enum(['open', 'submitted', 'closed', 'overdue']),
    dueDate: IsoDateSchema,
    submittedAt: z.string().nullable().openapi({ format: 'date-time' }),
    closedAt: z.string().nullable().openapi({ format: 'date-time' }),
    revision: z.number().int(),
  })
  .openapi('Report');

/** A reported activity with its valuation and verification. */
export const ActivitySchema = z
  .object({
    id: z.string(),
    contractId: z.string(),
    reportId: z.string(),
    period: z.string(),
    typeCode: z.string(),
    category: z.string(),
    method: z.string(),
    fte: nullableNumber,
    months: nullableNumber,
    units: nullableNumber,
    hours: nullableNumber,
    amountCents: CentsSchema.nullable(),
    validFrom: IsoDateSchema.nullable(),
    validTo: IsoDateSchema.nullable(),
    startDate: IsoDateSchema.nullable().openapi({ description: 'When the activity started' }),
    endDate: IsoDateSchema.nullable().openapi({ description: 'When the activity ended' }),
    candidate: z
      .object({
        code: z.string(),
        targetGroup: z.string().nullable(),
        startDate: IsoDateSchema.nullable(),
        endDate: IsoDateSchema.nullable(),
        hoursPerWeek: nullableNumber,
      })
      .nullable(),
    targetGroup: z.string().nullable().openapi({ description: 'targetGroupYear: the candidate’s group' }),
    hoursPerWeek: nullableNumber.openapi({ description: 'targetGroupYear: hours a week' }),
    bonuses: z.array(z.string()).nullable().openapi({ description: 'targetGroupYear: bonus codes' }),
    countedMonths: nullableNumber.openapi({
      description: 'targetGroupYear: the months that count; past the group’s cap they stay on record at €0',
    }),
    description: z.string(),
    valueCents: CentsSchema,
    valuation: ValuationSchema,
    verification: z.enum(['pending', 'accepted', 'rejected', 'moreInfo']),
    verificationReason: z.string().nullable(),
    verifiedAt: z.string().nullable().openapi({ format: 'date-time' }),
    supplierReply: z
      .string()
      .nullable()
      .openapi({ description: 'The supplier’s answer when the advisor asked for more' }),
    repliedAt: z.string().nullable().openapi({ format: 'date-time' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    pledge: z.object({ id: z.string(), initiativeName: z.string() }).nullable().optional().openapi({
      description:
        'The confirmed marketplace pledge this activity came from: it counts as realised from the confirmation, before its report is submitted',
    }),
  })
  .openapi('Activity');
