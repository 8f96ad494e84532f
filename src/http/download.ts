import { PassThrough, Readable, type Writable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { writeCsv } from '../export/csv.ts';
import { fileName, mediaTypes, type AnyTable, type FileFormat, type Lang } from '../export/table.ts';
import { writeXlsx } from '../export/xlsx.ts';
import type { HttpEnv } from './env.ts';
import { languageOf } from './language.ts';
import { apiVersionHeader } from './openapi.ts';
import { LangSchema } from './schemas/lifecycle.ts';

/**
 * Files out (issue 11): the `format` and `lang` query parameters of an exportable GET, its
 * responses in the OpenAPI document, and the streamed download itself. The route calls the same use
 * case as the JSON form first, so bad input and an invisible object fail (400, 404) before a byte
 * of the file is written.
 */
export function exportQuery<const F extends readonly [FileFormat, ...FileFormat[]]>(formats: F) {
  return {
    format: z
      .enum(['json', ...formats])
      .optional()
      .openapi({ description: `json (default) or a download: ${formats.join(', ')}` }),
    lang: LangSchema.optional().openapi({
      description: 'Language of headers and words in a download (default: after Accept-Language)',
    }),
  };
}

const fileContent = (format: FileFormat) =>
  format === 'csv'
    ? { 'text/csv': { schema: z.string() } }
    : { [mediaTypes[format].split(';')[0] as string]: { schema: z.string().openapi({ format: 'binary' }) } };

/** A 200 answering JSON or, with `format`, a file. */
export function jsonOrFile<T extends z.ZodType>(
  schema: T,
  description: string,
  formats: readonly FileFormat[],
) {
  return {
    description,
    headers: {
      ...apiVersionHeader,
      'Content-Disposition': {
        description: 'Downloads only: attachment with a file name',
        schema: { type: 'string' as const },
      },
    },
    content: {
      'application/json': { schema },
      ...(Object.assign({}, ...formats.map(fileContent)) as { 'text/csv': { schema: z.ZodString } }),
    },
  };
}

/** The language of a download: `lang` when given, else after Accept-Language. */
export function downloadLanguage(c: Context<HttpEnv>, lang: Lang | undefined): Lang {
  return lang ?? languageOf(c.req.header('Accept-Language'));
}

/**
 * A file streamed to the client as `write` produces it. The headers are sent at once; a failure
 * half-way ends the stream with an error (the client sees an incomplete download, never a wrong
 * file that looks whole).
 */
export function download(
  c: Context<HttpEnv>,
  format: FileFormat,
  name: string,
  write: (out: Writable) => Promise<void>,
  headers: Record<string, string> = {},
): Response {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  write(out).catch((error: unknown) => {
    console.error('export failed', error);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return c.body(Readable.toWeb(out) as ReadableStream<Uint8Array>, 200, {
    'Content-Type': mediaTypes[format],
    'Content-Disposition': `attachment; filename="${fileName(name, format)}"`,
    'Cache-Control': 'no-store',
    ...headers,
  });
}

/** A table as CSV or a workbook of tables as XLSX. */
export function downloadTables(
  c: Context<HttpEnv>,
  format: 'csv' | 'xlsx',
  lang: Lang,
  name: string,
  tables: readonly AnyTable[],
  headers: Record<string, string> = {},
): Response {
  const [first] = tables;
  if (!first) throw new Error('no table to export');
  return download(
    c,
    format,
    name,
    (out) => (format === 'csv' ? writeCsv(first, lang, out) : writeXlsx(tables, lang, out)),
    headers,
  );
}
