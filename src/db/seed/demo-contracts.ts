import type { AppDeps } from '../../app/deps.ts';
import type { DemoIds } from './demo.ts';

/** Contracts, plans and reports of the demo, made through the same use cases as the API. */
export async function seedDemoContracts(_deps: AppDeps, _ids: DemoIds): Promise<void> {
  // Filled in once the lifecycle use cases land (see issue 4).
}
