#!/usr/bin/env node
// The `retour` command (npx retour …): runs the compiled CLI in dist/server, building it first when it
// is missing or older than src/ (about a second); where dist/ cannot be written, runs the TypeScript through tsx.
import { buildServer, serverOut, serverStale } from '../scripts/build-server.mjs';

let compiled = true;
if (serverStale()) {
  try {
    await buildServer();
  } catch {
    compiled = false;
  }
}
if (compiled) {
  await import(new URL(`file://${serverOut}/cli.js`).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
