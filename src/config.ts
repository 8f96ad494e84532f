import { resolve } from 'node:path';
import type { Config } from './app/deps.ts';
import pkg from '../package.json' with { type: 'json' };

/** Reads the settings once; every other module gets them passed in. */
export function configFromEnv(env: NodeJS.ProcessEnv): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT is not a port number: ${env.PORT}`);
  const publicUrl = env.RETOUR_PUBLIC_URL ?? `http://localhost:${port}`;
  return {
    port,
    dataDir: resolve(env.RETOUR_DATA_DIR ?? 'data'),
    publicUrl,
    secure: publicUrl.startsWith('https://'),
    apiVersion: pkg.version,
  };
}
