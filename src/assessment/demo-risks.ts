import type { Store } from '../store/index.js';
import type { DemoContext } from './demo-context.js';

/** Seeds the demo's risks register; returns counts of what it stored. */
export async function seedDemoRisks(_store: Store, _ctx: DemoContext): Promise<Record<string, number>> {
  return {};
}
