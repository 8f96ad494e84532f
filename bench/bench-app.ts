/** The app as the in-process benchmarks use it: a fixed clock and a data folder of its own in tmp. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppDeps } from '../src/app/deps.ts';
import type { Db } from '../src/db/client.ts';
import { createApp } from '../src/http/app.ts';

export function benchApp(db: Db) {
  const dataDir = mkdtempSync(join(tmpdir(), 'retour-bench-'));
  const deps: AppDeps = {
    db,
    now: () => new Date('2026-11-23T10:00:00Z'),
    config: {
      port: 0,
      dataDir,
      filesDir: join(dataDir, 'files'),
      publicUrl: 'http://localhost:3000',
      secure: false,
      apiVersion: 'bench',
      allowPrivateOidcIssuers: false,
    },
  };
  return { app: createApp(deps), deps, dataDir };
}
