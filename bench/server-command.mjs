// The benchmarks start the server exactly as `npm start` does: the node flags of package.json's
// start script (source maps, the heap limit), then the compiled entry point.
import { readFileSync } from 'node:fs';

export function serverNodeArgs(root = new URL('..', import.meta.url)) {
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
  const last = pkg.scripts.start.split('&&').at(-1).trim().split(/\s+/);
  if (last[0] !== 'node') throw new Error(`the start script should end with "node …": ${pkg.scripts.start}`);
  return last.slice(1);
}
