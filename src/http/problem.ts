import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type DomainErrorCode, type Issue } from '../domain/errors.ts';

/** The one map from domain error codes to HTTP (RFC 9457 problem details). */
const statusOf: Record<DomainErrorCode, { status: ContentfulStatusCode; title: string }> = {
  VALIDATION: { status: 400, title: 'Invalid input' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  CONFLICT: { status: 409, title: 'Conflict' },
  INVALID_STATE: { status: 409, title: 'Not allowed in this state' },
  UNAUTHENTICATED: { status: 401, title: 'Sign-in required' },
  FORBIDDEN: { status: 403, title: 'Forbidden' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Payload too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
};

export interface Problem {
  type: string;
  status: number;
  title: string;
  detail: string;
  code?: string;
  invalidParams?: Issue[];
}

export function problemOf(error: DomainError): Problem {
  const { status, title } = statusOf[error.code];
  return {
    type: 'about:blank',
    status,
    title,
    detail: error.message,
    code: error.code,
    ...(error.issues.length ? { invalidParams: [...error.issues] } : {}),
  };
}

export function problemResponse(
  c: Context,
  problem: Problem,
  headers: Record<string, string> = {},
): Response {
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json',
    ...headers,
  });
}

/** Maps anything thrown in a handler: domain errors to their status, the rest to a bare 500 (logged). */
export function errorToResponse(c: Context, error: unknown): Response {
  if (error instanceof DomainError) {
    const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    const extra: Record<string, string> =
      error.code === 'RATE_LIMITED'
        ? { 'Retry-After': String(typeof retryAfter === 'number' ? retryAfter : 60) }
        : {};
    return problemResponse(c, problemOf(error), extra);
  }
  if (isHttpLike(error)) {
    return problemResponse(c, {
      type: 'about:blank',
      status: error.status,
      title: error.message || 'Error',
      detail: error.message,
    });
  }
  console.error(error);
  return problemResponse(c, {
    type: 'about:blank',
    status: 500,
    title: 'Internal server error',
    detail: 'Something went wrong on our side. Nothing was saved.',
  });
}

function isHttpLike(error: unknown): error is { status: 400 | 404 | 405 | 413 | 415; message: string } {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && [400, 404, 405, 413, 415].includes(status);
}
