import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { S3Settings } from '../src/files/s3-file-store.ts';

export interface S3Server {
  settings: S3Settings;
  /** The same settings as RETOUR_S3_* variables, for a spawned server. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** An S3-compatible server (s3rver) on a free port with one bucket, storing in a temp folder. */
export async function startS3Server(bucket = 'retour-evidence'): Promise<S3Server> {
  const directory = mkdtempSync(join(tmpdir(), 'retour-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const settings: S3Settings = {
    bucket,
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
    prefix: 'evidence/',
  };
  return {
    settings,
    env: {
      RETOUR_S3_BUCKET: bucket,
      RETOUR_S3_ENDPOINT: settings.endpoint ?? '',
      RETOUR_S3_ACCESS_KEY_ID: 'S3RVER',
      RETOUR_S3_SECRET_ACCESS_KEY: 'S3RVER',
      RETOUR_S3_PREFIX: settings.prefix,
    },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
