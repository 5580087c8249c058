import type { Store } from '../store/index.js';
import type { DemoContext } from './demo-context.js';

/** Seeds the demo's plans register; returns counts of what it stored. */
export async function seedDemoPlans(_store: Store, _ctx: DemoContext): Promise<Record<string, number>> {
  return {};
}
