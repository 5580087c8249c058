/**
 * A part written at two markings, built at two clearances (issue 13): an OFFICIAL build prints the
 * part's OFFICIAL text and never the OFFICIAL-SENSITIVE one, an OFFICIAL-SENSITIVE build prints the
 * OFFICIAL-SENSITIVE text and not the OFFICIAL one, and each build's log names the text it used
 * (its marking and version) and what it withheld. Built from the demo store without a warehouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStore } from '../../../test/store-snapshots.js';
import { tempDir } from '../../../test/temp-workspace.js';
import { actorFor, listAnalystTexts, writeAnalystText, type Actor, type Store } from '../../store/index.js';
import { buildDocument, type BuildResult } from '../build.js';

const OFFICIAL_WORDS = 'QXOFFICIAL partnership words for everyone.';
const SENSITIVE_WORDS = 'QXSENSITIVE covert source reporting.';

let store: Store;
let analyst: Actor;
let part: string;
let official: BuildResult;
let sensitive: BuildResult;

beforeAll(async () => {
  store = await demoStore();
  analyst = await actorFor(store, 'r.patel'); // OFFICIAL-SENSITIVE
  const lowAnalyst = await actorFor(store, 'k.hughes'); // OFFICIAL
  const written = new Set((await listAnalystTexts(store, analyst, 2)).map((t) => t.part));
  part = 'other-considerations';
  expect(written.has(part)).toBe(true);
  // The demo's OFFICIAL text of the part is changed by the OFFICIAL analyst; the other writes an
  // OFFICIAL-SENSITIVE text of the same part beside it.
  const current = (await listAnalystTexts(store, lowAnalyst, 2)).find((t) => t.part === part)!;
  await writeAnalystText(store, lowAnalyst, {
    assessmentId: 2,
    part,
    body: OFFICIAL_WORDS,
    expectedVersion: current.version,
  });
  await writeAnalystText(store, analyst, {
    assessmentId: 2,
    part,
    body: SENSITIVE_WORDS,
    marking: 'OFFICIAL-SENSITIVE',
    expectedVersion: null,
  });
  const workspaceRoot = await tempDir('stra-text-versions-', 'file');
  const build = (clearance: 'OFFICIAL' | 'OFFICIAL-SENSITIVE') =>
    buildDocument({ store, builder: analyst, assessment: '2', clearance, workspaceRoot, warehouse: null });
  official = await build('OFFICIAL');
  sensitive = await build('OFFICIAL-SENSITIVE');
}, 300_000);

afterAll(async () => {
  await store?.close();
});

const words = (r: BuildResult) => JSON.stringify(r.document.sections);
const entries = (r: BuildResult) => r.log.entries.filter((e) => e.subject === `Analyst text "${part}"`);

describe('a part written at two markings', () => {
  it('prints the OFFICIAL text in the OFFICIAL build, and never the OFFICIAL-SENSITIVE one', () => {
    expect(words(official)).toContain('QXOFFICIAL');
    expect(JSON.stringify(official.document)).not.toContain('QXSENSITIVE');
    expect(entries(official).map((e) => [e.kind, e.detail])).toEqual([
      [
        'omitted',
        "the text marked OFFICIAL-SENSITIVE, above the build's clearance OFFICIAL: left out (the OFFICIAL text is printed instead).",
      ],
      ['figure', expect.stringMatching(/: the text marked OFFICIAL, version 2$/)],
    ]);
  });

  it('prints the OFFICIAL-SENSITIVE text in the OFFICIAL-SENSITIVE build, not the OFFICIAL one, and says which', () => {
    expect(words(sensitive)).toContain('QXSENSITIVE');
    expect(words(sensitive)).not.toContain('QXOFFICIAL');
    expect(entries(sensitive).map((e) => [e.kind, e.detail])).toEqual([
      [
        'figure',
        expect.stringMatching(
          /: the text marked OFFICIAL-SENSITIVE, version 1 \(the highest marking this build may show; also written at OFFICIAL\)$/,
        ),
      ],
    ]);
  });
});
