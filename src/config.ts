import { join, resolve } from 'node:path';
import type { Config } from './app/deps.ts';
import type { S3Settings } from './files/s3-file-store.ts';
import pkg from '../package.json' with { type: 'json' };

/** Reads the settings once; every other module gets them passed in. */
export function configFromEnv(env: NodeJS.ProcessEnv): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT is not a port number: ${env.PORT}`);
  const publicUrl = env.RETOUR_PUBLIC_URL ?? `http://localhost:${port}`;
  const dataDir = resolve(env.RETOUR_DATA_DIR ?? 'data');
  return {
    port,
    dataDir,
    filesDir: resolve(env.RETOUR_FILES_DIR ?? join(dataDir, 'files')),
    ...(env.RETOUR_S3_BUCKET ? { s3: s3FromEnv(env, env.RETOUR_S3_BUCKET) } : {}),
    maxUploadBytes: positiveInt(env, 'RETOUR_MAX_UPLOAD_BYTES', 10 * 1024 * 1024),
    maxImportBytes: positiveInt(env, 'RETOUR_MAX_IMPORT_BYTES', 32 * 1024 * 1024),
    ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}),
    mailFrom: env.MAIL_FROM ?? 'Retour <no-reply@retour.example>',
    reminderDaysBefore: positiveInt(env, 'RETOUR_REMINDER_DAYS', 14),
    jobBatchSize: positiveInt(env, 'RETOUR_JOB_BATCH_SIZE', 500),
    publicUrl,
    secure: publicUrl.startsWith('https://'),
    trustProxy: env.RETOUR_TRUST_PROXY === '1',
    allowPrivateOidcIssuers: env.RETOUR_OIDC_ALLOW_PRIVATE_ISSUERS === '1',
    apiVersion: pkg.version,
  };
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error(`${name} is not a positive whole number: ${raw}`);
  return value;
}

/** RETOUR_S3_BUCKET turns the object store on; the rest have defaults or come from the AWS chain. */
function s3FromEnv(env: NodeJS.ProcessEnv, bucket: string): S3Settings {
  const endpoint = env.RETOUR_S3_ENDPOINT || undefined;
  return {
    bucket,
    ...(endpoint ? { endpoint } : {}),
    region: env.RETOUR_S3_REGION || 'us-east-1',
    ...(env.RETOUR_S3_ACCESS_KEY_ID ? { accessKeyId: env.RETOUR_S3_ACCESS_KEY_ID } : {}),
    ...(env.RETOUR_S3_SECRET_ACCESS_KEY ? { secretAccessKey: env.RETOUR_S3_SECRET_ACCESS_KEY } : {}),
    forcePathStyle: (env.RETOUR_S3_FORCE_PATH_STYLE ?? (endpoint ? '1' : '0')) === '1',
    prefix: env.RETOUR_S3_PREFIX ?? '',
  };
}
