import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BufferedFileWriter, csvField, csvLine } from './csv-writer.js';

describe('csvField', () => {
  it('quotes only fields with a comma, quote or line break, doubling quotes', () => {
    expect(csvField('On or near High Street')).toBe('On or near High Street');
    expect(csvField('On or near Asda, Thurmaston')).toBe('"On or near Asda, Thurmaston"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvLine(['a', 'b,c', ''])).toBe('a,"b,c",\n');
  });
});

describe('BufferedFileWriter', () => {
  it('writes text and bytes across many buffer flushes, in order', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'stra-writer-'));
    try {
      const file = path.join(dir, 'out.csv');
      const w = await BufferedFileWriter.create(file, 64);
      let expected = '';
      for (let i = 0; i < 500; i++) {
        const line = `${i},${'x'.repeat(i % 17)}\n`;
        expected += line;
        await w.write(line);
      }
      const big = `${'y'.repeat(200)}\n`;
      await w.write(big);
      await w.close();
      expect(await readFile(file, 'utf8')).toBe(expected + big);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
