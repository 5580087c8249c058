import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataFile } from '../../data-files.js';
import { bandLines, scoreAtPlace } from './band-lines.js';
import { parseScoringModel } from './parse-model.js';

const model = (name: string) =>
  parseScoringModel(JSON.parse(readFileSync(dataFile('scoring-models', name), 'utf8')), name);

describe('priority band lines on the assessment summary', () => {
  it('places each threshold where harm x likelihood reaches it with no organisational gap (default model)', () => {
    const m = model('morile-default.v1.json');
    // likelihood 1..5, harm 0..28, s = harm x likelihood / 280 with no gap: the top corner is 0.5
    expect(scoreAtPlace(m, 1, 1)).toBeCloseTo(0.5, 10);
    const lines = bandLines(m, 4);
    expect(lines.map((l) => [l.id, l.label])).toEqual([
      ['PRIORITY', 'Priority'],
      ['INTELLIGENCE_REQUIREMENT', 'Intelligence requirement'],
    ]);
    // Priority (0.35): harm x likelihood = 98; at the highest likelihood (5) harm 19.6 of 28 = 0.7
    expect(lines[0]!.points.at(-1)).toEqual([1, 0.7]);
    // no harm reaches 0.35 below likelihood 3.5 (x = 0.625): the line starts at x = 0.75 on a 4-step grid
    expect(lines[0]!.points[0]![0]).toBe(0.75);
    // Intelligence requirement (0.15): harm x likelihood = 42; at likelihood 5, harm 8.4 = 0.3
    expect(lines[1]!.points.at(-1)).toEqual([1, 0.3]);
    for (const l of lines)
      for (const [x, y] of l.points) expect(scoreAtPlace(m, x, y)!).toBeGreaterThanOrEqual(l.threshold - 1e-4);
  });

  it('draws none for a grid model, whose grades have no place between two levels', () => {
    expect(bandLines(model('nim-4x4.v1.json'))).toEqual([]);
  });
});
