import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { sha256Hex, storageKeyOf, type FileStore } from './file-store.ts';

/** Where evidence goes when it is kept in S3-compatible object storage (RETOUR_S3_*). */
export interface S3Settings {
  bucket: string;
  /** For a store other than AWS (MinIO, Ceph, a cloud provider's S3 service); unset: AWS. */
  endpoint?: string;
  region: string;
  /** Unset: the SDK's usual chain (AWS_ACCESS_KEY_ID…, instance roles). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `https://endpoint/bucket/key` rather than `https://bucket.endpoint/key` (most non-AWS stores). */
  forcePathStyle: boolean;
  /** Prepended to every key, so one bucket can hold several installations (`retour/`). */
  prefix: string;
}

const keyPattern = /^[0-9a-f]{2}\/[0-9a-f]{64}$/;

const notFound = (storageKey: string, cause: unknown) =>
  Object.assign(new Error(`no stored file ${storageKey}`, { cause }), { code: 'ENOENT' });

const isNotFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
};

/**
 * The evidence file store in an S3 bucket, for several app instances sharing one store. Same
 * contract as the disk store: content-addressed keys `ab/<sha256>`, a put of existing bytes
 * overwrites them (which refreshes their age for the orphan sweep), and a missing file reads as
 * ENOENT. A PUT is atomic in S3, so there are no temp files to sweep.
 */
export function s3FileStore(settings: S3Settings, client: S3Client = s3ClientFor(settings)): FileStore {
  const bucket = settings.bucket;
  const keyOf = (storageKey: string) => {
    if (!keyPattern.test(storageKey)) throw new Error(`not a storage key: ${storageKey}`);
    return `${settings.prefix}${storageKey}`;
  };

  return {
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      const storageKey = storageKeyOf(sha256);
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: keyOf(storageKey),
          Body: bytes,
          ContentLength: bytes.byteLength,
          ContentType: 'application/octet-stream',
        }),
      );
      return { storageKey, sha256, sizeBytes: bytes.byteLength };
    },

    async read(storageKey) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(storageKey) }));
        if (!object.Body) throw notFound(storageKey, null);
        return object.Body.transformToWebStream() as ReadableStream<Uint8Array>;
      } catch (error) {
        if (isNotFound(error)) throw notFound(storageKey, error);
        throw error;
      }
    },

    async exists(storageKey) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: keyOf(storageKey) }));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },

    async remove(storageKey) {
      // Deleting a key that is not there succeeds in S3.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: keyOf(storageKey) }));
    },

    async *list() {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: settings.prefix, ContinuationToken: token }),
        );
        for (const object of page.Contents ?? []) {
          const storageKey = (object.Key ?? '').slice(settings.prefix.length);
          if (keyPattern.test(storageKey) && object.LastModified)
            yield { storageKey, modifiedAt: object.LastModified };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },

    async sweepTemp() {
      return 0;
    },
  };
}

export function s3ClientFor(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.accessKeyId && settings.secretAccessKey
      ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } }
      : {}),
    // Checksums only where S3 demands them: many S3-compatible stores do not know the newer ones.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
