import type { MiddlewareHandler } from 'hono';
import type { Lang } from '../domain/index.ts';
import type { HttpEnv } from './env.ts';

/**
 * The language of explanations asked for: Dutch when `Accept-Language` prefers `nl` (`nl`, `nl-NL`,
 * `nl;q=0.9, en;q=0.8`), English otherwise (decision 009).
 * @example languageOf('nl-NL,nl;q=0.9,en;q=0.8') // 'nl'
 */
export function languageOf(header: string | undefined): Lang {
  if (!header) return 'en';
  let best: { lang: string; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    const lang = tag.trim().toLowerCase().split('-')[0] ?? '';
    if (!Number.isFinite(q) || q <= 0 || lang === '') continue;
    if (best === undefined || q > best.q) best = { lang, q };
  }
  return best?.lang === 'nl' ? 'nl' : 'en';
}

/** Every `explanation` beside an `explanationNl` becomes the Dutch one. */
function toDutch(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toDutch);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toDutch(v);
  if (typeof out.explanationNl === 'string' && typeof out.explanation === 'string')
    out.explanation = out.explanationNl;
  return out;
}

/**
 * Explanations in the language of `Accept-Language`: the domain builds each in English and Dutch,
 * stored side by side; a JSON answer names the chosen one `explanation` (and keeps `explanationNl`).
 * Answers say `Content-Language` and `Vary: Accept-Language`.
 */
export const explanationLanguage: MiddlewareHandler<HttpEnv> = async (c, next) => {
  const lang = languageOf(c.req.header('Accept-Language'));
  await next();
  c.res.headers.append('Vary', 'Accept-Language');
  const type = c.res.headers.get('Content-Type') ?? '';
  if (!type.startsWith('application/json')) return;
  c.res.headers.set('Content-Language', lang);
  if (lang !== 'nl') return;
  const text = await c.res.clone().text();
  if (!text.includes('"explanationNl"')) return;
  const headers = new Headers(c.res.headers);
  headers.delete('Content-Length');
  c.res = new Response(JSON.stringify(toDutch(JSON.parse(text))), { status: c.res.status, headers });
};
