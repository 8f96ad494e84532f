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
  const database = databaseFault(error);
  if (database) return problemResponse(c, database);
  logServerError(c, error);
  return problemResponse(c, {
    type: 'about:blank',
    status: 500,
    title: 'Internal server error',
    detail: 'Something went wrong on our side. Nothing was saved.',
  });
}

/** The SQLSTATE of a database error, also when the query builder wrapped it (`cause`). */
export function sqlStateOf(error: unknown): string | null {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * Database errors that the input caused, not the server: a value out of range or not valid for its
 * type, text the database cannot store, a key that is taken or points nowhere, a row too large. They
 * answer 4xx without echoing the database's message (which may quote SQL or other rows' values).
 */
const databaseFaults: { match: (state: string) => boolean; problem: Omit<Problem, 'type'> }[] = [
  {
    match: (s) => s === '23505' || s === '23P01',
    problem: {
      status: 409,
      title: 'Conflict',
      detail: 'This would duplicate something that already exists.',
      code: 'CONFLICT',
    },
  },
  {
    match: (s) => s === '23503',
    problem: {
      status: 409,
      title: 'Conflict',
      detail: 'This refers to something that does not exist (any more) or is still in use.',
      code: 'CONFLICT',
    },
  },
  {
    match: (s) => s === '40001' || s === '40P01',
    problem: {
      status: 409,
      title: 'Conflict',
      detail: 'Another change happened at the same moment; try again.',
      code: 'CONFLICT',
    },
  },
  {
    // 22xxx data exceptions (invalid text representation, out of range, bad encoding, bad date),
    // 23xxx other integrity violations (not null, check), 54000 a value too large to index.
    match: (s) => s.startsWith('22') || s.startsWith('23') || s === '54000',
    problem: {
      status: 400,
      title: 'Invalid input',
      detail: 'A value is not valid for its field (wrong form, out of range or too long).',
      code: 'VALIDATION',
    },
  },
];

function databaseFault(error: unknown): Problem | null {
  const state = sqlStateOf(error);
  if (!state) return null;
  const fault = databaseFaults.find((f) => f.match(state));
  return fault ? { type: 'about:blank', ...fault.problem } : null;
}

/**
 * Logs an unexpected error without the request's data: the method, the path (no query string),
 * the error's class and SQLSTATE, and the stack frames. The message is left out, since a database
 * driver puts the query and its parameters (emails, free text) there.
 */
function logServerError(c: Context, error: unknown) {
  const name = error instanceof Error ? error.constructor.name : typeof error;
  const state = sqlStateOf(error);
  const frames =
    error instanceof Error ? (error.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)) : [];
  console.error(
    `500 on ${c.req.method} ${JSON.stringify(c.req.path)}: ${name}${state ? ` (SQLSTATE ${state})` : ''}\n${frames.join('\n')}`,
  );
}

function isHttpLike(error: unknown): error is { status: 400 | 404 | 405 | 413 | 415; message: string } {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && [400, 404, 405, 413, 415].includes(status);
}
