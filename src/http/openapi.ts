import { z } from '@hono/zod-openapi';
import { isIsoDate } from '../domain/index.ts';

/** RFC 9457 problem details, as every error response of the API. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'about:blank' }),
    status: z.number().int().openapi({ example: 400 }),
    title: z.string().openapi({ example: 'Invalid input' }),
    detail: z.string().openapi({ example: 'valueCents: must be a whole number of cents' }),
    code: z.string().optional(),
    invalidParams: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  })
  .openapi('Problem');

export const apiVersionHeader = {
  'API-Version': {
    description: 'The full version of the API',
    schema: { type: 'string' as const, example: '1.0.0' },
  },
};

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** Error responses every operation can give; 400 is required by the NLGov API Design Rules. */
export const errorResponses = {
  400: problem('Invalid input'),
  401: problem('Sign-in required'),
  403: problem('Not allowed for this role'),
  404: problem('Not found (also for objects of another organisation)'),
  409: problem('Conflict with the current state'),
  429: problem('Too many requests'),
  500: problem('Server error'),
};

type ProblemStatus = Exclude<keyof typeof errorResponses, 500>;

/**
 * The error responses an operation documents: the statuses named, and 500, which any can give.
 * @example responses: { 200: jsonResponse(S, 'The thing'), ...problems(400, 401, 403, 404) }
 */
export function problems<S extends ProblemStatus>(...statuses: S[]): Pick<typeof errorResponses, S | 500> {
  const chosen = [...statuses, 500 as const].map((s) => [s, errorResponses[s]]);
  return Object.fromEntries(chosen) as Pick<typeof errorResponses, S | 500>;
}

/** A JSON success response with the API-Version header documented. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, headers: apiVersionHeader, content: { 'application/json': { schema } } };
}

/** A required JSON request body. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}

export function emptyResponse(description: string) {
  return { description, headers: apiVersionHeader };
}

/** A file to download: the media types it comes in, with the API-Version and Content-Disposition headers. */
export function attachmentResponse<C extends Record<string, { schema: z.ZodType }>>(
  description: string,
  content: C,
  disposition = 'attachment with a file name',
) {
  return {
    description,
    headers: {
      ...apiVersionHeader,
      'Content-Disposition': { description: disposition, schema: { type: 'string' as const } },
    },
    content,
  };
}

/**
 * `YYYY-MM-DD` in the OpenAPI document as `format: date`; checked as a real calendar date here, so
 * no impossible date (2026-02-30, 2026-13-45) reaches a query.
 */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(isIsoDate, 'must be a real date (YYYY-MM-DD)')
  .openapi({ format: 'date', example: '2026-07-01' });

export const CentsSchema = z
  .number()
  .int('must be whole euro cents')
  .openapi({ example: 125000000, description: 'Amount in euro cents' });

export const IdParamSchema = z.object({
  id: z
    .string()
    .openapi({ param: { name: 'id', in: 'path' }, example: '6f1c2f9e-0000-4000-8000-000000000000' }),
});
