import type { Store } from '../store/index.js';
import type { DemoContext } from './demo-context.js';

/** Seeds the demo's drivers register; returns counts of what it stored. */
export async function seedDemoDrivers(_store: Store, _ctx: DemoContext): Promise<Record<string, number>> {
  return {};
}
