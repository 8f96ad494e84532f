import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIpLiteral, resolveChecked, type Resolver } from './issuer-url.ts';

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** An identity provider's answers are small (discovery, keys, tokens): more is refused. */
const maxResponseBytes = 1024 * 1024;

/**
 * A socket lookup that resolves once, checks every address (`resolveChecked`) and hands only
 * checked addresses to the connection: what is checked is what is connected to, so a name that
 * answers a public address to the check and a private one to the connection (DNS rebinding) gets
 * nowhere.
 */
export function checkedLookup(allowPrivate: boolean, resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolveChecked(hostname, allowPrivate, resolve).then(
      (checked) => {
        if (!checked.ok) {
          const error = Object.assign(new Error(`refused: ${checked.problem}`), { code: 'EACCES' });
          return callback(error, '', 0);
        }
        const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
        const fitting = checked.addresses.filter((a) => !wanted || a.family === wanted);
        if (fitting.length === 0)
          return callback(Object.assign(new Error(`no IPv${wanted} address`), { code: 'ENOTFOUND' }), '', 0);
        if (options.all) return callback(null, fitting);
        return callback(null, fitting[0]!.address, fitting[0]!.family);
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, '', 0),
    );
  };
}

export interface GuardedFetchOptions {
  body?: unknown;
  headers?: Record<string, string>;
  method?: string;
  signal?: AbortSignal | null | undefined;
}

/**
 * `fetch` for single sign-on (openid-client's `customFetch`): every request of a provider's
 * configuration (discovery, keys, token, user info, on whatever host the discovery names) connects
 * through `checkedLookup`, and an address written literally in a URL is checked the same way.
 * Redirects are not followed; answers over 1 MiB are refused.
 */
export function guardedFetch(allowPrivate: boolean, resolve: Resolver = systemResolver) {
  const lookup = checkedLookup(allowPrivate, resolve);
  return async (input: string, init: GuardedFetchOptions = {}): Promise<Response> => {
    const url = new URL(input);
    if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:'))
      throw new Error(`refused: ${url.protocol} to ${url.host}`);
    // A connection to an address written in the URL does not look anything up: check it here.
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIpLiteral(host)) {
      const literal = await resolveChecked(host, allowPrivate, resolve);
      if (!literal.ok) throw new Error(`refused: ${literal.problem}`);
    }
    const body = bodyOf(init.body);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<Response>((resolveResponse, reject) => {
      const req = send(
        url,
        {
          method: init.method ?? 'GET',
          headers: { ...init.headers, ...(body ? { 'content-length': String(body.byteLength) } : {}) },
          lookup,
          ...(init.signal ? { signal: init.signal } : {}),
        },
        (res) => collect(res).then(resolveResponse, reject),
      );
      req.on('error', reject);
      req.end(body);
    });
  };
}

function bodyOf(body: unknown): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof URLSearchParams) return Buffer.from(body.toString());
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(new Uint8Array(body));
  throw new Error('unsupported request body');
}

async function collect(res: IncomingMessage): Promise<Response> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxResponseBytes) {
      res.destroy();
      throw new Error('refused: the answer is larger than 1 MiB');
    }
    chunks.push(chunk);
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const status = res.statusCode ?? 502;
  const noBody = status === 204 || status === 304 || (status >= 100 && status < 200);
  return new Response(noBody ? null : new Uint8Array(Buffer.concat(chunks)), {
    status,
    statusText: res.statusMessage ?? '',
    headers,
  });
}
