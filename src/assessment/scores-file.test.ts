/**
 * Scores CSV: an export imports back unchanged (into the same assessment or a fresh one), and a
 * malformed file is refused with every problem named by line and field, storing nothing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/store-dialects.js';
import { makeWorld, type World } from '../../test/store-world.js';
import { addScore, createAssessment, createThreat, listAudit, listScores, type Assessment } from '../store/index.js';
import { exportScoresCsv, importScoresFile } from './scores-file.js';
import type { StraError } from '../errors.js';

const FACTORS =
  'physical,psychological,financial,community,environmental,scope,vulnerability,frequency,trend,capacity,capability,partnership,confidence';
const row = (threat: string, assessor: string, values = '3,4,1,2,0,2,3,5,1,2,1,1,medium') =>
  `${threat},${assessor},${values}`;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-csv-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
const file = async (name: string, lines: string[]) => {
  const p = path.join(dir, name);
  await writeFile(p, lines.join('\n') + '\n');
  return p;
};

describeEachDialect('scores CSV', (get) => {
  let w: World;
  let a: Assessment;
  beforeAll(async () => {
    w = await makeWorld(get());
    a = await createAssessment(get(), w.analyst, { organisationId: w.force, period: '2017/18', versionLabel: 'V1' });
    for (const name of ['Cyber', 'CSE', 'OCG'])
      await createThreat(get(), w.analyst, a.id, { name, marking: name === 'OCG' ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL' });
  });

  it('imports a spreadsheet entered by an admin for two assessors (labels or numbers, any header case), and its export imports back unchanged', async () => {
    const src = await file('workshop.csv', [
      `Threat,Assessor,${FACTORS.replace('physical', 'Physical harm')},rationale_frequency`,
      row('Cyber', w.analyst.username, '3,4,1,2,0,force-wide,3,almost certain/continuous,increasing,2,1,1,medium') +
        ',"Action Fraud referrals up 20%, see Q3 tasking"',
      row('cyber', w.second.username) + ',',
      row('OCG', w.analyst.username, '4,3,3,3,1,3,3,4,1,2,1,1,low') + ',county lines',
    ]);
    expect(await importScoresFile(get(), w.admin, a.id, src)).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const out = await exportScoresCsv(get(), w.analyst, a.id);
    expect(out).toMatchObject({ rows: 3, marking: 'OFFICIAL-SENSITIVE' });
    expect(out.csv.split('\n')[0]).toBe(
      `threat,assessor,${FACTORS},publicExpectation,reputational,political,economic,opportunity,rationale_frequency,marking,computed_harm,computed_likelihood,computed_risk,computed_priority,computed_s,computed_band`,
    );
    expect(out.csv).toContain('"Action Fraud referrals up 20%, see Q3 tasking"');
    const again = await file('export.csv', [out.csv.trimEnd()]);
    expect(await importScoresFile(get(), w.admin, a.id, again)).toEqual({ created: 0, updated: 0, unchanged: 3 });
    const fresh = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2018/19',
      versionLabel: 'V1',
    });
    for (const name of ['Cyber', 'OCG'])
      await createThreat(get(), w.analyst, fresh.id, {
        name,
        marking: name === 'OCG' ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL',
      });
    expect(await importScoresFile(get(), w.admin, fresh.id, again)).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const strip = (csv: string) =>
      csv
        .split('\n')
        .map((l) => l.replace(/,[^,]*$/, ''))
        .join('\n');
    expect(strip((await exportScoresCsv(get(), w.analyst, fresh.id)).csv)).toBe(strip(out.csv));
  });

  it.each([
    [
      'an unknown column',
      [`threat,assessor,${FACTORS},colour`, row('CSE', 'X') + ',red'],
      'line 1, field "colour": not a column of morile-default v1',
    ],
    [
      'a missing factor column',
      [`threat,assessor,${FACTORS.replace(',trend', '')}`, 'CSE,X,3,4,1,2,0,2,3,5,2,1,1,medium'],
      'line 1: missing column "trend" (Trend)',
    ],
    [
      'a value out of range',
      [`threat,assessor,${FACTORS}`, row('CSE', 'X'), row('CSE', 'Y', '7,4,1,2,0,2,3,5,1,2,1,1,medium')],
      'line 3, field "physical": 7 is out of range; allowed 0..4',
    ],
    [
      'a level that does not exist',
      [`threat,assessor,${FACTORS}`, row('CSE', 'X', '3,4,1,2,0,2,3,5,1,2,1,1,certain')],
      'line 2, field "confidence": "certain" is not a level; use 1 (low), 2 (medium), 3 (high)',
    ],
    [
      'an unknown threat',
      [`threat,assessor,${FACTORS}`, row('CSE', 'X'), row('Burglary', 'X')],
      'line 3, field "threat": no threat "Burglary" in assessment',
    ],
    ['an empty assessor', [`threat,assessor,${FACTORS}`, row('CSE', '')], 'line 2, field "assessor": is empty'],
    [
      'a bad marking',
      [`threat,assessor,${FACTORS},marking`, row('CSE', 'X') + ',RESTRICTED'],
      'line 2, field "marking": "RESTRICTED" is not one of OFFICIAL, OFFICIAL-SENSITIVE, SECRET',
    ],
    [
      'the same assessor twice',
      [`threat,assessor,${FACTORS}`, row('CSE', 'X'), '', row('cse', 'X')],
      'line 4, field "assessor": X already scored "CSE" on line 2',
    ],
    [
      'a row with too many fields',
      [`threat,assessor,${FACTORS}`, row('CSE', 'X'), row('CSE', 'Y') + ',extra'],
      'bad-row.csv line 3: Invalid Record Length',
    ],
  ])('refuses %s, naming the line and field, and stores nothing', async (_what, lines, message) => {
    const before = {
      scores: (await listScores(get(), w.admin, { assessmentId: a.id })).length,
      audit: (await listAudit(get(), w.admin)).length,
    };
    await expect(importScoresFile(get(), w.analyst, a.id, await file('bad-row.csv', lines))).rejects.toThrow(message);
    expect({
      scores: (await listScores(get(), w.admin, { assessmentId: a.id })).length,
      audit: (await listAudit(get(), w.admin)).length,
    }).toEqual(before);
  });

  it('refuses a changed score for an assessor who already scored unless told to replace', async () => {
    const t = await createThreat(get(), w.analyst, a.id, { name: 'KSI' });
    await addScore(get(), w.analyst, {
      threatId: t.id,
      assessor: w.analyst.username,
      values: {
        physical: 1,
        psychological: 1,
        financial: 1,
        community: 1,
        environmental: 0,
        scope: 1,
        vulnerability: 1,
        frequency: 2,
        trend: 0,
        capacity: 0,
        capability: 0,
        partnership: 0,
        confidence: 3,
      },
    });
    const src = await file('ksi.csv', [`threat,assessor,${FACTORS}`, row('KSI', w.analyst.username)]);
    await expect(importScoresFile(get(), w.analyst, a.id, src)).rejects.toThrow(
      `line 2, field "assessor": ${w.analyst.username} has already scored "KSI" differently`,
    );
    expect(await importScoresFile(get(), w.analyst, a.id, src, { replace: true })).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
    });
  });

  it('takes rows for the uploader only, unless an admin enters them for users who could score the threat', async () => {
    const t = await createThreat(get(), w.analyst, a.id, { name: 'Fraud' });
    const other = await file('other.csv', [`threat,assessor,${FACTORS}`, row('Fraud', w.second.username)]);
    const refused = await importScoresFile(get(), w.analyst, a.id, other).catch((e: StraError) => e);
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
    expect((refused as StraError).message).toContain(
      `other.csv line 2, field "assessor": ${w.analyst.username} cannot record a score as "${w.second.username}"`,
    );
    const named = await file('named.csv', [
      `threat,assessor,${FACTORS}`,
      row('Fraud', 'DI Patel'),
      row('Fraud', w.reader.username),
    ]);
    const bad = await importScoresFile(get(), w.admin, a.id, named).catch((e: StraError) => e);
    expect(bad).toMatchObject({ code: 'INPUT' });
    expect((bad as StraError).message).toContain('line 2, field "assessor": The assessor must be a user of this store');
    expect((bad as StraError).message).toContain(
      `line 3, field "assessor": ${w.reader.username} cannot be the assessor of threat ${t.id} "Fraud": they hold no analyst or admin role`,
    );
    expect(await listScores(get(), w.admin, { threatId: t.id })).toEqual([]);
    expect(await importScoresFile(get(), w.admin, a.id, other)).toMatchObject({ created: 1 });
    expect((await listScores(get(), w.admin, { threatId: t.id })).map((x) => x.assessor)).toEqual([w.second.username]);
  });
});
