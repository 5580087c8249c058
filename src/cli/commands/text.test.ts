/**
 * `stra text` as a user runs it, in-process (issue 13): a part holds one text per marking, so an
 * OFFICIAL analyst importing a part that has an OFFICIAL-SENSITIVE text they cannot see is told
 * exactly what they would be told for a part nobody has written; each `stra text list` shows only
 * the texts its user may see; a re-import keeps or replaces the text at the file's marking only.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorFor,
  createAssessment,
  createOrganisation,
  createUser,
  openStore,
  storeFolder,
} from '../../store/index.js';
import { straIn } from '../../../test/store-cli.js';

let dir = '';
let ws = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-cli-text-'));
  ws = path.join(dir, 'ws');
  await mkdir(ws, { recursive: true });
  const store = await openStore({ folder: storeFolder(ws) });
  try {
    await createOrganisation(store, null, { id: 'alliance', name: 'Alliance', kind: 'alliance' });
    await createUser(store, null, {
      username: 'alice',
      displayName: 'Alice',
      clearance: 'SECRET',
      memberships: [{ organisationId: 'alliance', role: 'admin' }],
    });
    const alice = await actorFor(store, 'alice');
    for (const [username, clearance] of [
      ['ann', 'OFFICIAL-SENSITIVE'],
      ['olly', 'OFFICIAL'],
    ] as const)
      await createUser(store, alice, {
        username,
        displayName: username,
        clearance,
        memberships: [{ organisationId: 'alliance', role: 'analyst' }],
      });
    await createAssessment(store, alice, { organisationId: 'alliance', period: '2017/18', versionLabel: 'V1' });
  } finally {
    await store.close();
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const { json } = straIn(() => ws);

async function folder(name: string, files: Record<string, string>): Promise<string> {
  const at = path.join(dir, name);
  await mkdir(at, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(at, file), text);
  return at;
}

describe('stra text', () => {
  it('imports a part with a hidden text as it imports an unused one, and lists only what each may see', async () => {
    const sensitive = await folder('ann', {
      'demand.md': '---\nmarking: OFFICIAL-SENSITIVE\n---\nQXSENSITIVE covert reporting.\n',
    });
    expect(await json(['text', 'import', sensitive, '--assessment', '2017/18'], 'ann')).toMatchObject({
      created: ['demand'],
    });
    const open = await folder('olly', { 'demand.md': 'Open words.\n', 'people.md': 'Open words.\n' });
    const answer = await json(['text', 'import', open, '--assessment', '2017/18'], 'olly');
    expect(answer).toEqual({
      folder: open,
      assessmentId: 1,
      created: ['demand', 'people'],
      replaced: [],
      unchanged: [],
      kept: [],
      ignored: [],
    });
    const olly = (await json(['text', 'list', '--assessment', '2017/18'], 'olly')) as Record<string, unknown>[];
    expect(olly.map((r) => [r['part'], r['marking'], r['by']])).toEqual([
      ['demand', 'OFFICIAL', 'olly'],
      ['people', 'OFFICIAL', 'olly'],
    ]);
    const ann = (await json(['text', 'list', '--assessment', '2017/18'], 'ann')) as Record<string, unknown>[];
    expect(ann.map((r) => [r['part'], r['marking'], r['by']])).toEqual([
      ['demand', 'OFFICIAL', 'olly'],
      ['demand', 'OFFICIAL-SENSITIVE', 'ann'],
      ['people', 'OFFICIAL', 'olly'],
    ]);
  });

  it('keeps or replaces the text at the file marking only', async () => {
    const changed = await folder('olly2', { 'demand.md': 'Open words, changed.\n' });
    expect(await json(['text', 'import', changed, '--assessment', '2017/18'], 'olly')).toMatchObject({
      kept: ['demand'],
    });
    expect(await json(['text', 'import', changed, '--assessment', '2017/18', '--replace'], 'olly')).toMatchObject({
      replaced: ['demand'],
    });
    const ann = (await json(['text', 'list', '--assessment', '2017/18'], 'ann')) as Record<string, unknown>[];
    expect(ann.filter((r) => r['part'] === 'demand').map((r) => [r['marking'], r['version']])).toEqual([
      ['OFFICIAL', 2],
      ['OFFICIAL-SENSITIVE', 1],
    ]);
  });
});
