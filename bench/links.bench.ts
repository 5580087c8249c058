/**
 * `npm run bench:links [-- INVESTIGATIONS CALLS_EACH]`: a first measure of issue 16's link
 * analysis at a chosen scale (default 20 investigations x 10,000 calls; the issue's target is
 * 500 investigations, 1 million calls and 200,000 contacts). Each investigation's calls are one
 * OpenSTRA CSV imported through the real importer into a PGlite store in a temporary folder; 2%
 * of calls go to 50 planted shared numbers. Prints import time (calls per second), the
 * cross-reference, the whole network and one investigation's network, and resident memory.
 * Wall times: the machine may be shared, so compare runs on one machine only.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importExport } from '../src/links/import-export.js';
import { linkNetwork, linkXref } from '../src/links/analysis.js';
import {
  actorFor,
  createLinkInvestigation,
  createOrganisation,
  createUser,
  openStore,
  storeFolder,
} from '../src/store/index.js';

const INVESTIGATIONS = Number(process.argv[2] ?? 20);
const CALLS = Number(process.argv[3] ?? 10_000);

/** mulberry32: a small seeded generator, so every run plants the same numbers. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dir = mkdtempSync(join(tmpdir(), 'stra-bench-links-'));
try {
  const store = await openStore({ folder: storeFolder(dir) });
  await createOrganisation(store, null, { id: 'f', name: 'Force', kind: 'force' });
  await createUser(store, null, {
    username: 'a',
    displayName: 'A',
    clearance: 'SECRET',
    memberships: [{ organisationId: 'f', role: 'admin' }],
  });
  const actor = await actorFor(store, 'a');
  const rnd = seeded(16);
  const shared = Array.from({ length: 50 }, (_, i) => `+4479110${String(i).padStart(5, '0')}`);
  let importMs = 0;
  for (let i = 0; i < INVESTIGATIONS; i++) {
    await createLinkInvestigation(store, actor, { organisationId: 'f', reference: `OP-${i}` });
    const lines = ['record,timestamp,direction,identifier,name,duration_s,region'];
    for (let c = 0; c < CALLS; c++) {
      const n =
        rnd() < 0.02 ? shared[Math.floor(rnd() * 50)]! : `+4479${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`;
      const month = 1 + Math.floor(rnd() * 9);
      lines.push(
        `call,2024-0${month}-1${Math.floor(rnd() * 9)}T10:00:00Z,${rnd() < 0.5 ? 'incoming' : 'outgoing'},${n},,${Math.floor(rnd() * 600)},`,
      );
    }
    const file = join(dir, `op-${i}.csv`);
    writeFileSync(file, lines.join('\n'));
    const t = performance.now();
    await importExport(store, actor, file, { investigation: `OP-${i}`, device: 'D1' });
    importMs += performance.now() - t;
  }
  const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
    const t = performance.now();
    const r = await fn();
    return [r, Math.round(performance.now() - t)];
  };
  const [x, xrefMs] = await time(() => linkXref(store, actor, {}));
  const [net, networkMs] = await time(() => linkNetwork(store, actor, {}));
  const [, oneMs] = await time(() => linkNetwork(store, actor, { investigations: ['OP-3'] }));
  const calls = INVESTIGATIONS * CALLS;
  console.log(
    JSON.stringify({
      investigations: INVESTIGATIONS,
      calls,
      importSeconds: Math.round(importMs / 100) / 10,
      callsPerSecond: Math.round(calls / (importMs / 1000)),
      xrefMs,
      sharedIdentifiers: x.length,
      networkMs,
      networkNodes: net.nodes.length,
      oneInvestigationNetworkMs: oneMs,
      rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
    }),
  );
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
