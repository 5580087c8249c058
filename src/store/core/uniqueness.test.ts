/**
 * Issue 13, defect 5: a uniqueness refusal does not confirm or name a record the writer cannot
 * see. An OFFICIAL analyst who picks the name of an OFFICIAL-SENSITIVE threat is refused without
 * the name, the record or its id; an analyst who can see that threat is told which it is.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoStore } from '../../demo/record/seed.js';
import { actorFor, createThreat, listThreats, openStore, type Store } from '../index.js';

let store: Store;
beforeAll(async () => {
  store = await openStore({});
  await seedDemoStore(store);
}, 120_000);

describe('uniqueness refusals reveal nothing hidden', () => {
  it("refuses a hidden threat's name without naming or confirming it", async () => {
    const hidden = (await listThreats(store, await actorFor(store, 'r.patel'), { assessmentId: 2 })).find(
      (t) => t.marking === 'OFFICIAL-SENSITIVE',
    )!;
    const official = await actorFor(store, 'k.hughes');
    const refused = await createThreat(store, official, 2, { name: hidden.name, description: 'x' }).then(
      () => undefined,
      (e: Error) => e.message,
    );
    expect(refused).toBe('That name cannot be used here; choose another.');
    const seeing = await createThreat(store, await actorFor(store, 'r.patel'), 2, {
      name: hidden.name,
      description: 'x',
    }).then(
      () => undefined,
      (e: Error) => e.message,
    );
    expect(seeing).toContain(hidden.name);
  });
});
