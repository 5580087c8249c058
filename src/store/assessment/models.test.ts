/**
 * A force's own scoring model: loaded without code changes, validated first (a bad file is
 * refused with the exact problem and nothing is stored), immutable once loaded under its
 * version, and usable by an assessment.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dataFile } from '../../data-files.js';
import { describeEachDialect } from '../../../test/store-dialects.js';
import { makeWorld, type World } from '../../../test/store-world.js';
import { addScore, createAssessment, createThreat, listModels, loadModelFile } from '../index.js';

const shipped = JSON.parse(await readFile(dataFile('scoring-models', 'morile-default.v1.json'), 'utf8')) as Record<
  string,
  unknown
> & { bands: { threshold: number }[] };
let dir = '';
const write = async (name: string, body: unknown) => {
  const file = path.join(dir, name);
  await writeFile(file, typeof body === 'string' ? body : JSON.stringify(body));
  return file;
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-models-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describeEachDialect('scoring model files', (get) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(get());
  });

  it('refuses a bad model file with the exact problem and stores nothing', async () => {
    const before = await listModels(get());
    const bad = {
      ...shipped,
      id: 'bad-model',
      bands: [shipped.bands[0], { ...shipped.bands[1], threshold: 1.5 }, shipped.bands[2]],
    };
    await expect(loadModelFile(get(), w.analyst, await write('bad.json', bad))).rejects.toThrow(
      'Scoring model bad.json is not valid; fix these and load it again:\n  bands[1].threshold: must be between 0 and 1',
    );
    await expect(loadModelFile(get(), w.analyst, await write('broken.json', '{"format": '))).rejects.toThrow(
      /^Scoring model broken.json is not valid JSON/,
    );
    expect(await listModels(get())).toEqual(before);
  });

  it('loads a force model, refuses changed content under the same version, and scores with it', async () => {
    const own = {
      ...shipped,
      id: `${w.tag}-morile`,
      name: 'Force model',
      bands: [{ ...shipped.bands[0], threshold: 0.3 }, shipped.bands[1], shipped.bands[2]],
    };
    const file = await write('own.json', own);
    expect(await loadModelFile(get(), w.analyst, file)).toMatchObject({
      id: own.id,
      version: 1,
      status: 'loaded',
      source: 'own.json',
    });
    expect((await loadModelFile(get(), w.analyst, file)).status).toBe('unchanged');
    const changed = await write('own-changed.json', { ...own, name: 'Force model, edited' });
    await expect(loadModelFile(get(), w.analyst, changed)).rejects.toThrow(
      `Scoring model ${own.id} v1 is already loaded with different content (from own.json)`,
    );
    expect((await loadModelFile(get(), w.analyst, await write('own-v2.json', { ...own, version: 2 }))).status).toBe(
      'loaded',
    );
    const a = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2017/18',
      versionLabel: 'own',
      model: { id: own.id, version: 2 },
    });
    const t = await createThreat(get(), w.analyst, a.id, { name: 'x' });
    const s = await addScore(get(), w.analyst, {
      threatId: t.id,
      assessor: w.analyst.username,
      values: {
        physical: 3,
        psychological: 4,
        financial: 1,
        community: 2,
        environmental: 0,
        scope: 2,
        vulnerability: 0,
        frequency: 5,
        trend: 1,
        capacity: 2,
        capability: 1,
        partnership: 1,
        confidence: 'medium',
      },
    });
    expect(s.model).toEqual({ id: own.id, version: 2 });
    expect(s.outputs.band).toBe('PRIORITY'); // s = 0.3095: PRIORITY under this model (>= 0.3), not under the default
  });
});
