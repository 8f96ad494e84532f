import { fileTypeFromBuffer } from 'file-type';

/** Evidence types Retour accepts, by the extension file-type reports for the content. */
const allowed = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
} as const;
type AllowedExt = keyof typeof allowed;

/** Extensions a file name may carry for each detected type. */
const namesFor: Record<AllowedExt, readonly string[]> = {
  pdf: ['pdf'],
  png: ['png'],
  jpg: ['jpg', 'jpeg'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  odt: ['odt'],
  ods: ['ods'],
};
/** Zip containers: the content and the name must agree, so a renamed archive is refused. */
const zipBased: ReadonlySet<AllowedExt> = new Set(['docx', 'xlsx', 'odt', 'ods']);

export type DetectedType = { ok: true; mediaType: string; ext: string } | { ok: false; reason: string };

export const acceptedMediaTypes: readonly string[] = Object.values(allowed);

/**
 * Decides the media type from the bytes (magic numbers), never from the name or the client's
 * Content-Type. For office documents (zip containers) the file name's extension must match too.
 */
export async function detectEvidenceType(bytes: Uint8Array, filename: string): Promise<DetectedType> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found) return { ok: false, reason: 'the content is not a PDF, PNG, JPEG or office document' };
  if (!(found.ext in allowed)) {
    return { ok: false, reason: `files of type ${found.mime} are not accepted` };
  }
  const ext = found.ext as AllowedExt;
  const nameExt = filename.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  if (zipBased.has(ext) && !namesFor[ext].includes(nameExt)) {
    return {
      ok: false,
      reason: `the content is a .${ext} document but the name ends in .${nameExt || '(none)'}`,
    };
  }
  return { ok: true, mediaType: allowed[ext], ext };
}

/**
 * The stored name follows the content: a name whose extension fits the detected type is kept, any
 * other gets the detected type's extension instead (`evil.html` holding a PDF becomes `evil.pdf`).
 */
export function nameForType(filename: string, ext: string): string {
  const accepted = namesFor[ext as AllowedExt] ?? [ext];
  const match = /^(.*)\.([^.]*)$/.exec(filename);
  const stem = (match ? match[1] : filename)?.replace(/[.\s]+$/, '') || 'bestand';
  if (match && accepted.includes((match[2] ?? '').toLowerCase())) return filename;
  return `${stem.slice(0, 190)}.${ext}`;
}
