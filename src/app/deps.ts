import type { Db } from '../db/client.ts';

/** Settings read once at start (src/config.ts) and passed down. */
export interface Config {
  port: number;
  dataDir: string;
  /** Public base URL, used in links of emails and OIDC redirects. */
  publicUrl: string;
  /** True when served behind TLS: cookies get Secure, responses HSTS. */
  secure: boolean;
  apiVersion: string;
}

/** What a use case may touch. Tests build real ones against a real database. */
export interface AppDeps {
  db: Db;
  config: Config;
  /** "Today" for the application layer; the domain receives it as a parameter. */
  now(): Date;
}
