import type { Db } from '../db/client.ts';
import type { S3Settings } from '../files/s3-file-store.ts';

/** Settings read once at start (src/config.ts) and passed down. */
export interface Config {
  port: number;
  dataDir: string;
  /** Evidence file store (RETOUR_FILES_DIR, default `<dataDir>/files`). */
  filesDir: string;
  /** Evidence in S3-compatible object storage (RETOUR_S3_BUCKET…); unset: in `filesDir`. */
  s3?: S3Settings;
  /** Largest evidence upload in bytes (RETOUR_MAX_UPLOAD_BYTES, default 10 MB). */
  maxUploadBytes?: number;
  /** Largest contract import file in bytes (RETOUR_MAX_IMPORT_BYTES, default 32 MiB). */
  maxImportBytes?: number;
  /** Outgoing mail (SMTP_URL, e.g. smtp://127.0.0.1:2525); unset: mail is written to the log. */
  smtpUrl?: string;
  /** Sender address of outgoing mail (MAIL_FROM). */
  mailFrom?: string;
  /** Days before a report's due date that the reminder goes out (RETOUR_REMINDER_DAYS, default 14). */
  reminderDaysBefore?: number;
  /** Reports per batch of the deadline job (RETOUR_JOB_BATCH_SIZE, default 500). */
  jobBatchSize?: number;
  /** Public base URL, used in links of emails and OIDC redirects. */
  publicUrl: string;
  /** True when served behind TLS: cookies get Secure, responses HSTS. */
  secure: boolean;
  /** Behind one reverse proxy (RETOUR_TRUST_PROXY=1): the client address is the last X-Forwarded-For entry. */
  trustProxy?: boolean;
  /**
   * Single sign-on issuers over plain http or on localhost/private addresses
   * (RETOUR_OIDC_ALLOW_PRIVATE_ISSUERS=1): development and tests only; production refuses them.
   */
  allowPrivateOidcIssuers?: boolean;
  apiVersion: string;
}

/** What a use case may touch. Tests build real ones against a real database. */
export interface AppDeps {
  db: Db;
  config: Config;
  /** "Today" for the application layer; the domain receives it as a parameter. */
  now(): Date;
}
