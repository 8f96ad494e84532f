#!/usr/bin/env node
// The `retour` command (npx retour …): runs the TypeScript CLI through tsx, like `npm start` does.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
