import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DomainError, type Issue } from '../domain/errors.ts';

/**
 * Text is checked once, here at the edge, before any route, validator or query sees it: control
 * characters (NUL above all, which PostgreSQL cannot store) and broken UTF-16 (a lone surrogate) are
 * refused with 400 naming the field. Free text in a JSON body may hold tab, line feed and carriage
 * return; the path and the query may not.
 */

// C0 controls except tab, LF and CR; DEL; C1 controls; lone surrogates.
const badInText =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;
const badInLine =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

/** Deeper JSON than this is refused: no form of the API nests more than a few levels. */
export const maxJsonDepth = 32;

const reasonOf = (value: string, line: boolean) => {
  const match = (line ? badInLine : badInText).exec(value);
  if (!match) return null;
  const code = match[0].codePointAt(0) ?? 0;
  return code >= 0xd800 && code <= 0xdfff
    ? 'contains broken Unicode text (a lone surrogate)'
    : `contains a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
};

/** Every string (and key) in a parsed JSON value that holds a refused character, by its path. */
export function textIssues(value: unknown, path: string[] = [], depth = 0): Issue[] {
  const name = () => path.join('.') || '(body)';
  if (depth > maxJsonDepth) return [{ name: name(), reason: `nested deeper than ${maxJsonDepth} levels` }];
  if (typeof value === 'string') {
    const reason = reasonOf(value, false);
    return reason ? [{ name: name(), reason }] : [];
  }
  if (Array.isArray(value)) {
    const issues: Issue[] = [];
    for (let i = 0; i < value.length && issues.length < 20; i++)
      issues.push(...textIssues(value[i], [...path, String(i)], depth + 1));
    return issues;
  }
  if (value && typeof value === 'object') {
    const issues: Issue[] = [];
    for (const [key, item] of Object.entries(value)) {
      const keyReason = reasonOf(key, true);
      if (keyReason) issues.push({ name: [...path, '(key)'].join('.'), reason: keyReason });
      else issues.push(...textIssues(item, [...path, key], depth + 1));
      if (issues.length >= 20) break;
    }
    return issues;
  }
  return [];
}

function refuse(issues: Issue[]): never {
  throw new DomainError(
    'VALIDATION',
    issues.map((issue) => `${issue.name}: ${issue.reason}`).join('; '),
    issues,
  );
}

/** Decodes percent escapes leniently: a malformed escape is kept as written (and so refused by no one). */
function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** A JSON body larger than this is refused with 413 (file uploads have their own limit). */
export const maxJsonBytes = 2 * 1024 * 1024;

/**
 * Routes whose JSON body is a data file with a limit of its own (an OCDS package for the contract
 * import, up to the import limit): their body is limited and checked by the route, after
 * authentication, with {@link refuseBadText} — never read here, before anyone is known.
 */
export const ownsJsonBody = (path: string) => path.endsWith('/contract-imports');

/** Refuses (400, naming the fields) a parsed JSON body with control characters or broken text. */
export function refuseBadText(body: unknown): void {
  const found = textIssues(body);
  if (found.length) refuse(found);
}

function refuseBadAddress(url: URL): void {
  const issues: Issue[] = [];
  for (const segment of url.pathname.split('/')) {
    const reason = reasonOf(decoded(segment), true);
    if (reason) issues.push({ name: 'path', reason });
  }
  for (const [key, value] of url.searchParams) {
    const keyReason = reasonOf(key, true);
    if (keyReason) issues.push({ name: 'query', reason: keyReason });
    else {
      const reason = reasonOf(value, true);
      if (reason) issues.push({ name: key, reason });
    }
  }
  if (issues.length) refuse(issues);
}

const checkText: MiddlewareHandler = async (c, next) => {
  // Without a percent escape the address is its own decoding: one scan of it answers for the path
  // and the query (most requests), and only escaped addresses are taken apart.
  const raw = c.req.url;
  if (raw.includes('%') || badInLine.test(raw)) refuseBadAddress(new URL(raw));
  if (isJson(c.req.header('Content-Type')) && !ownsJsonBody(c.req.path)) {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      body = undefined; // not JSON: the route's validator answers 400
    }
    if (body !== undefined) refuseBadText(body);
  }
  return next();
};

const isJson = (type: string | undefined) => /^application\/(?:[\w.+-]+\+)?json\b/i.test(type ?? '');

const jsonLimit = bodyLimit({
  maxSize: maxJsonBytes,
  onError: () => {
    throw new DomainError('PAYLOAD_TOO_LARGE', `A JSON body may be at most ${maxJsonBytes} bytes.`);
  },
});

/** The edge check of every API request: path, query and JSON body text, and the JSON size. */
export const textGuard: MiddlewareHandler = async (c, next) => {
  if (
    isJson(c.req.header('Content-Type')) &&
    !['GET', 'HEAD'].includes(c.req.method) &&
    !ownsJsonBody(c.req.path)
  )
    return jsonLimit(c, async () => {
      await checkText(c, next);
    });
  return checkText(c, next);
};
