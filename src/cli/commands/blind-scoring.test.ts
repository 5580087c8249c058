/**
 * Blind scoring and clearance hold at the command line as in the browser (issue 13, defect 6, and
 * issue 14: "show the strategy at their clearance with a plain notice"): once k.hughes has scored
 * one threat of the open demo assessment, `score combined`, `score list`, `score export`,
 * `--sensitivity` and `control-strategy show` give them nothing of the threats they have not scored.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { straIn } from '../../../test/store-cli.js';

let dir = '';
let ws = '';
const { run, json } = straIn(() => ws);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-cli-blind-'));
  ws = path.join(dir, 'ws');
  expect((await run(['demo-store'])).code).toBe(0);
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

interface Threat {
  id: number;
  name: string;
  marking: string;
}
interface Strategy {
  strategy: Record<'priorities' | 'intelligenceRequirements' | 'businessAsUsual', { threatId: string }[]>;
  aboveClearance: { threats: number; scores: number } | null;
  withheld: { threatId: number }[];
}
const shown = (s: Strategy) =>
  [...s.strategy.priorities, ...s.strategy.intelligenceRequirements, ...s.strategy.businessAsUsual].map((e) =>
    Number(e.threatId),
  );

describe('blind scoring and clearance at the command line', () => {
  it('shows an OFFICIAL reader the strategy at their clearance, saying material is withheld', async () => {
    const s = (await json(['control-strategy', 'show', '2'], 'k.hughes')) as Strategy;
    expect(s.aboveClearance).not.toBeNull();
    expect(s.aboveClearance!.threats).toBeGreaterThan(0);
    expect(shown(s).length).toBeGreaterThan(15);
    const table = await run(['control-strategy', 'show', '2'], 'k.hughes', true);
    expect(table.code).toBe(0);
    expect(table.stderr).toContain('Shown at your clearance: material above it is withheld');
  });

  it('withholds every result of a threat a scoring assessor has not scored', async () => {
    const threats = (await json(['threat', 'list', '--assessment', '2'], 'k.hughes')) as Threat[];
    const official = threats.find((t) => t.marking === 'OFFICIAL')!;
    const other = threats.find((t) => t.id !== official.id)!;
    const before = (await json(['score', 'list', '--assessment', '2'], 'k.hughes')) as { threatId: number }[];
    expect(before.some((x) => x.threatId === other.id)).toBe(true);

    const add = await run(
      [
        'score',
        'add',
        String(official.id),
        '--set',
        'physical=1,psychological=1,financial=1,community=1,environmental=1,scope=1,vulnerability=1,frequency=1,capacity=1,capability=1,partnership=1,trend=1,confidence=1',
      ],
      'k.hughes',
    );
    expect(add.stderr).toBe('');

    const combined = (await json(['score', 'combined', '2'], 'k.hughes')) as {
      entries: { threatId: number; rank: number }[];
      withheld: { threatId: number }[];
    };
    expect(combined.entries.map((e) => e.threatId)).toEqual([official.id]);
    expect(combined.entries[0]!.rank).toBe(1);
    expect(combined.withheld.map((w) => w.threatId)).toContain(other.id);

    const listed = (await json(['score', 'list', '--assessment', '2'], 'k.hughes')) as {
      threatId: number;
      assessor: string;
    }[];
    expect(new Set(listed.map((x) => x.threatId))).toEqual(new Set([official.id]));
    const byThreat = await run(['score', 'list', '--threat', String(other.id)], 'k.hughes');
    expect(JSON.parse(byThreat.stdout)).toEqual([]);
    expect(byThreat.stderr).toMatch(/\d+ scores? by other assessors withheld/);

    const exported = await run(['score', 'export', '2'], 'k.hughes');
    expect(exported.code).toBe(0);
    const names = exported.stdout.trim().split('\n').slice(1);
    expect(names.every((line) => line.startsWith(official.name) || line.startsWith(`"${official.name}`))).toBe(true);

    const sens = await run(['score', 'combined', '2', '--sensitivity', String(other.id)], 'k.hughes');
    expect(sens.code).not.toBe(0);
    expect(sens.stderr).toContain(`The rank of "${other.name}" is withheld until you submit your own score for it.`);

    const strategy = (await json(['control-strategy', 'show', '2'], 'k.hughes')) as Strategy;
    expect(shown(strategy)).toEqual([official.id]);
    expect(strategy.withheld.map((w) => w.threatId)).toContain(other.id);

    const direction = (await json(['assessment', 'direction', '2'], 'k.hughes')) as {
      directions: { threatId: string }[];
    };
    expect(direction.directions.map((d) => Number(d.threatId))).not.toContain(other.id);

    const report = await run(
      ['report', '--assessment', '2', '--format', 'html', '--clearance', 'OFFICIAL', '--out', path.join(dir, 'doc')],
      'k.hughes',
    );
    expect(report.code).not.toBe(0);
    expect(report.stderr).toMatch(/You are scoring this assessment and have \d+ threats still to score/);

    // An approver who is not scoring sees every threat.
    const whole = (await json(['score', 'combined', '2'], 'acc.morgan')) as { entries: unknown[] };
    expect(whole.entries.length).toBeGreaterThan(20);
  });
});
