import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readAnalystText } from './analyst-text.js';

let dir: string;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function folder(files: Record<string, string>): Promise<string> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-text-'));
  const f = path.join(dir, 'report', '2017-18');
  await mkdir(f, { recursive: true });
  for (const [name, body] of Object.entries(files)) await writeFile(path.join(f, name), body);
  return dir;
}

describe('analyst text in the workspace', () => {
  it("reads each part with its marking, taking the assessment's when the file gives none", async () => {
    const root = await folder({
      'introduction.md': '---\nmarking: OFFICIAL-SENSITIVE\n---\nHello.\n',
      'demand.md': 'Plain.\n',
      'notes.txt': 'x',
      'document.json':
        '{"title":"Strategic Assessment 2017/18","organisation":"Warwickshire Police and West Mercia Police","author":"Policy Team","date":"2017-04-09"}',
    });
    const text = await readAnalystText(root, '2017/18', 'OFFICIAL');
    expect(text.parts.get('introduction')).toMatchObject({
      marking: 'OFFICIAL-SENSITIVE',
      markingGiven: true,
      body: 'Hello.\n',
    });
    expect(text.parts.get('demand')).toMatchObject({ marking: 'OFFICIAL', markingGiven: false });
    expect(text.unknown).toEqual(['notes.txt']);
    expect(text.settings).toEqual({
      title: 'Strategic Assessment 2017/18',
      organisation: 'Warwickshire Police and West Mercia Police',
      author: 'Policy Team',
      date: '2017-04-09',
    });
  });

  it('is empty, not an error, when the folder does not exist', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'stra-text-'));
    expect(await readAnalystText(dir, '2017/18', 'OFFICIAL')).toMatchObject({ exists: false, unknown: [] });
  });

  it('refuses a marking it does not know and settings it does not read', async () => {
    await expect(
      readAnalystText(await folder({ 'demand.md': '---\nmarking: PROTECT\n---\n' }), '2017/18', 'OFFICIAL'),
    ).rejects.toThrow('marking "PROTECT" is not one of OFFICIAL');
    await expect(
      readAnalystText(await folder({ 'document.json': '{"writer":"x"}' }), '2017/18', 'OFFICIAL'),
    ).rejects.toThrow('allowed: title, organisation, author, purpose, date');
  });
});
