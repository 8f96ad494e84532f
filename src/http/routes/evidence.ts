import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { deleteEvidence } from '../../app/evidence/delete-evidence.ts';
import { downloadEvidence } from '../../app/evidence/download-evidence.ts';
import { listEvidence } from '../../app/evidence/list-evidence.ts';
import { uploadEvidence } from '../../app/evidence/upload-evidence.ts';
import { execute } from '../../app/use-case.ts';
import { acceptedMediaTypes } from '../../files/detect-type.ts';
import type { HttpEnv } from '../env.ts';
import {
  attachmentResponse,
  emptyResponse,
  IdParamSchema,
  jsonResponse,
  problems,
  ProblemSchema,
} from '../openapi.ts';
import { uploadLimit } from '../upload-limit.ts';

const EvidenceSchema = z
  .object({
    id: z.string(),
    activityId: z.string(),
    filename: z.string().openapi({ example: 'arbeidsovereenkomst.pdf' }),
    mediaType: z.string().openapi({ example: 'application/pdf' }),
    sizeBytes: z.number().int(),
    sha256: z
      .string()
      .openapi({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }),
    uploadedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('EvidenceFile');

const UploadSchema = z
  .object({
    file: z
      .custom<File>((value) => value instanceof File, 'must be a file')
      .openapi({ type: 'string', format: 'binary', description: `One of: ${acceptedMediaTypes.join(', ')}` }),
  })
  .openapi('EvidenceUpload');

const tooLarge = {
  description: 'The file is larger than the upload limit',
  content: { 'application/problem+json': { schema: ProblemSchema } },
};
const unsupported = {
  description: 'The content is not an accepted type (checked by content, not by name)',
  content: { 'application/problem+json': { schema: ProblemSchema } },
};

const uploadRoute = createRoute({
  method: 'post',
  path: '/activities/{id}/evidence',
  tags: ['Evidence'],
  summary: 'Upload an evidence file for an activity (multipart, field `file`)',
  request: {
    params: IdParamSchema,
    body: { required: true, content: { 'multipart/form-data': { schema: UploadSchema } } },
  },
  responses: {
    201: jsonResponse(EvidenceSchema, 'Stored'),
    ...problems(400, 401, 403, 404, 409),
    413: tooLarge,
    415: unsupported,
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/activities/{id}/evidence',
  tags: ['Evidence'],
  summary: 'The evidence files of an activity',
  request: { params: IdParamSchema },
  responses: {
    200: jsonResponse(z.object({ items: z.array(EvidenceSchema) }).openapi('EvidenceFileList'), 'The files'),
    ...problems(400, 401, 403, 404),
  },
});

const downloadRoute = createRoute({
  method: 'get',
  path: '/evidence/{id}',
  tags: ['Evidence'],
  summary: 'Download an evidence file (supplier of the contract and the advisors only)',
  request: { params: IdParamSchema },
  responses: {
    200: attachmentResponse(
      'The file, as an attachment',
      { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
      'attachment with the file name',
    ),
    ...problems(400, 401, 403, 404),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/evidence/{id}',
  tags: ['Evidence'],
  summary: 'Remove an evidence file while its report is open',
  request: { params: IdParamSchema },
  responses: {
    204: emptyResponse('Removed'),
    ...problems(400, 401, 403, 404, 409),
  },
});

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Room for the multipart envelope around the file itself. */
const multipartOverhead = 64 * 1024;

export function evidenceRoutes(api: OpenAPIHono<HttpEnv>) {
  api.use('/activities/:id/evidence', uploadLimit(multipartOverhead));

  api.openapi(uploadRoute, async (c) => {
    const { file } = c.req.valid('form');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const stored = await execute(uploadEvidence, c.var.deps, c.var.actor, {
      activityId: c.req.valid('param').id,
      filename: file.name,
      bytes,
    });
    return c.json(stored, 201);
  });

  api.openapi(listRoute, async (c) => {
    const items = await execute(listEvidence, c.var.deps, c.var.actor, {
      activityId: c.req.valid('param').id,
    });
    return c.json({ items }, 200);
  });

  api.openapi(downloadRoute, async (c) => {
    const { evidence, body } = await execute(downloadEvidence, c.var.deps, c.var.actor, {
      evidenceId: c.req.valid('param').id,
    });
    return c.body(body, 200, {
      'Content-Type': evidence.mediaType,
      'Content-Length': String(evidence.sizeBytes),
      'Content-Disposition': contentDisposition(evidence.filename),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    }) as never;
  });

  api.openapi(deleteRoute, async (c) => {
    await execute(deleteEvidence, c.var.deps, c.var.actor, { evidenceId: c.req.valid('param').id });
    return c.body(null, 204);
  });
}
