import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type DomainErrorCode, type Issue } from '../domain/errors.ts';
import { toDutchMessage, toDutchTitle } from './problem-dutch.ts';

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

/**
 * The language of a problem's words: English when `Accept-Language` prefers English (or any language
 * but Dutch), Dutch when it prefers Dutch or says nothing (decision 015).
 * @example errorLanguageOf(undefined) // 'nl'
 */
export function errorLanguageOf(header: string | undefined): 'nl' | 'en' {
  if (!header?.trim()) return 'nl';
  let best: { lang: string; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    const lang = tag.trim().toLowerCase().split('-')[0] ?? '';
    if (!Number.isFinite(q) || q <= 0 || lang === '' || lang === '*') continue;
    if (best === undefined || q > best.q) best = { lang, q };
  }
  return best === undefined || best.lang === 'nl' ? 'nl' : 'en';
}

/** The problem with its title, detail and reasons in Dutch. */
export function inDutch(problem: Problem): Problem {
  const params = problem.invalidParams?.map((p) => ({ ...p, reason: toDutchMessage(p.reason) }));
  // A validation detail that lists the fields ("name: reason; …") is rebuilt from the Dutch reasons.
  const listed = problem.invalidParams && problem.detail === joinParams(problem.invalidParams);
  return {
    ...problem,
    title: toDutchTitle(problem.title),
    detail: listed && params ? joinParams(params) : toDutchMessage(problem.detail),
    ...(params ? { invalidParams: params } : {}),
  };
}

/** A validation detail naming every field: `valueCents: must be whole cents; period: is required`. */
export function joinParams(params: readonly Issue[]): string {
  return params.map((p) => `${p.name}: ${p.reason}`).join('; ');
}

/** Writes problem+json in the request's language (`Content-Language` says which). */
export function problemResponse(
  c: Context,
  problem: Problem,
  headers: Record<string, string> = {},
): Response {
  const lang = errorLanguageOf(c.req.header('Accept-Language'));
  const body = lang === 'nl' ? inDutch(problem) : problem;
  return c.body(JSON.stringify(body), problem.status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json',
    'Content-Language': lang,
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
