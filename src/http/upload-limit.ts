import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Config } from '../app/deps.ts';
import { defaultMaxUploadBytes } from '../app/evidence/evidence-store.ts';
import type { HttpEnv } from './env.ts';
import { problemResponse } from './problem.ts';

/**
 * The upload limit (RETOUR_MAX_UPLOAD_BYTES) on a route's POST body, plus `overheadBytes` for an
 * envelope around the file (multipart); over it: 413 problem+json naming the limit. JSON bodies
 * keep the API's JSON limit.
 */
export function uploadLimit(overheadBytes = 0): MiddlewareHandler<HttpEnv> {
  return limitTo((config) => config.maxUploadBytes ?? defaultMaxUploadBytes, overheadBytes, false);
}

/** Default largest import file (contract CSV/XLSX): 32 MiB, a 100,000-row contract CSV is ~13 MiB. */
export const defaultMaxImportBytes = 32 * 1024 * 1024;

/**
 * The import limit (RETOUR_MAX_IMPORT_BYTES, default 32 MiB) on a route's POST body: a data file of
 * many rows, larger than an evidence file may be (decision 029); over it: 413 as {@link uploadLimit}.
 * A JSON body (an OCDS package) too: the edge check leaves those routes' JSON to them (`ownsJsonBody`).
 */
export function importLimit(): MiddlewareHandler<HttpEnv> {
  return limitTo((config) => config.maxImportBytes ?? defaultMaxImportBytes, 0, true);
}

function limitTo(
  limitOf: (config: Config) => number,
  overheadBytes: number,
  json: boolean,
): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    // elsewhere a JSON body is already read and limited by the edge check (text-guard.ts, 2 MiB)
    if (c.req.method !== 'POST' || (!json && /json/i.test(c.req.header('Content-Type') ?? ''))) return next();
    const limit = limitOf(c.var.deps.config);
    return bodyLimit({
      maxSize: limit + overheadBytes,
      onError: (ctx) =>
        problemResponse(ctx, {
          type: 'about:blank',
          status: 413,
          title: 'Payload too large',
          detail: `The file is larger than ${limit} bytes.`,
          code: 'PAYLOAD_TOO_LARGE',
        }),
    })(c, next);
  };
}
