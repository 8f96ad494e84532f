import { rmSync } from 'node:fs';

/** Each run starts with an empty e2e/screenshots, so the folder shows exactly the pages of this run. */
export default function globalSetup(): void {
  rmSync('e2e/screenshots', { recursive: true, force: true });
}
