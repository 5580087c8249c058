import { describe, it, expect } from 'vitest';
import { StraError } from '../../errors.js';
import { parseScoringModel } from './parse-model.js';
import { modelJson } from '../../../test/morile.js';

const defaultJson = modelJson('morile-default.v1.json');
const gridJson = modelJson('nim-4x4.v1.json');

type Json = any;
/** A deep copy of a shipped model with one edit applied. */
function edited(base: unknown, edit: (m: Json) => void): unknown {
  const copy = structuredClone(base) as Json;
  edit(copy);
  return copy;
}

function problemsOf(json: unknown): string[] {
  try {
    parseScoringModel(json, 'test-model.json');
  } catch (e) {
    expect(e).toBeInstanceOf(StraError);
    return ((e as StraError).details?.problems as string[]) ?? [];
  }
  throw new Error('expected the model to be refused');
}

describe('parseScoringModel accepts the shipped models', () => {
  it('loads the MoRiLE-structured default and says it is not official MoRiLE', () => {
    const model = parseScoringModel(defaultJson, 'morile-default.v1.json');
    expect([model.id, model.version]).toEqual(['morile-default', 1]);
    expect(model.provenance).toMatch(/OpenSTRA's own default/);
    expect(model.provenance).toMatch(/NOT official/);
    expect(model.factors.find((f) => f.id === 'publicExpectation')?.optional).toBe(true);
  });

  it('loads the legacy NIM 4x4 grid', () => {
    const model = parseScoringModel(gridJson, 'nim-4x4.v1.json');
    expect(model.formula.kind).toBe('grid');
  });
});

describe('parseScoringModel refuses a malformed model with the exact path and problem', () => {
  it('names the source file, lists the problems and uses the INPUT code', () => {
    const bad = edited(defaultJson, (m) => (m.bands[1].threshold = 1.5));
    expect(() => parseScoringModel(bad, 'force-model.json')).toThrow(
      /^Scoring model force-model\.json is not valid; fix these and load it again:\n  bands\[1\]\.threshold: must be between 0 and 1/,
    );
    try {
      parseScoringModel(bad, 'force-model.json');
    } catch (e) {
      expect((e as StraError).code).toBe('INPUT');
    }
  });

  it.each<[string, (m: Json) => void, string]>([
    ['a band threshold above 1', (m) => (m.bands[1].threshold = 1.5), 'bands[1].threshold: must be between 0 and 1'],
    ['a negative band threshold', (m) => (m.bands[0].threshold = -0.1), 'bands[0].threshold: must be between 0 and 1'],
    [
      'bands out of order',
      (m) => (m.bands[1].threshold = 0.5),
      'bands[1].threshold: must be lower than bands[0].threshold (0.35); list bands highest first',
    ],
    [
      'a last band that does not start at 0',
      (m) => (m.bands[2].threshold = 0.05),
      'bands[2].threshold: the last band must start at 0 so that every score falls in a band',
    ],
    ['a duplicate band id', (m) => (m.bands[1].id = 'PRIORITY'), 'bands[1].id: duplicate band id "PRIORITY"'],
    ['an unknown band category', (m) => (m.bands[0].category = 'urgent'), 'bands[0].category: expected one of'],
    [
      'a level value outside its factor range',
      (m) => (m.factors[0].levels[4].value = 5),
      "factors[0].levels[4].value: 5 is outside the factor's range 0..4",
    ],
    [
      'levels not listed lowest first',
      (m) => m.factors[7].levels.reverse(),
      'factors[7].levels[1].value: must be greater than the level before it (5); list levels lowest first',
    ],
    [
      'a factor whose max is not above its min',
      (m) => (m.factors[0].max = 0),
      'factors[0].max: must be greater than min (0)',
    ],
    ['a duplicate factor id', (m) => (m.factors[1].id = 'physical'), 'factors[1].id: duplicate factor id "physical"'],
    ['an unknown section', (m) => (m.factors[0].section = 'impact'), 'factors[0].section: expected one of'],
    [
      'an unknown factor referenced in the formula',
      (m) => (m.formula.outputs[0].expr.args[2] = 'finanical'),
      'formula.outputs[0].expr.args[2]: unknown factor or output "finanical"',
    ],
    [
      'an output used before it is defined',
      (m) => (m.formula.outputs[0].expr.args[0] = 'risk'),
      'formula.outputs[0].expr.args[0]: unknown factor or output "risk" (an output can only use factors and outputs defined before it)',
    ],
    [
      'a missing required output',
      (m) => m.formula.outputs.splice(5, 1),
      'formula.outputs: missing required output "s"',
    ],
    [
      'an s that can exceed 1',
      (m) => (m.formula.outputs[5].expr.by = 140),
      'formula.outputs[5]: s can range over 0..2 but must stay within 0..1',
    ],
    ['a division by zero', (m) => (m.formula.outputs[5].expr.by = 0), 'formula.outputs[5].expr.by: must not be zero'],
    [
      'an unknown operation',
      (m) => (m.formula.outputs[0].expr.op = 'avg'),
      'formula.outputs[0].expr.op: must be one of "sum"|"product"|"mean"|"min"|"max"|"clamp"|"scale"|"divide"',
    ],
    [
      'a clamp whose max is below its min',
      (m) => (m.formula.outputs[1].expr.max = 0),
      'formula.outputs[1].expr.max: must not be below min (1)',
    ],
    ['a misspelt field', (m) => (m.bands[0].treshold = 0.3), 'bands[0].treshold: unknown field'],
    ['a missing field', (m) => delete m.provenance, 'provenance: is required'],
    ['a version given as text', (m) => (m.version = '1'), 'version: expected number, received string'],
    ['a fractional version', (m) => (m.version = 1.5), 'version: must be a whole number'],
    ['a file of another format', (m) => (m.format = 'morile-xlsx'), 'format: expected "openstra-scoring-model@1"'],
    [
      'a low-confidence rule on a factor outside the confidence section',
      (m) => (m.lowConfidence.factor = 'frequency'),
      'lowConfidence.factor: factor "frequency" is in section "likelihood", not "confidence"',
    ],
    ['an unknown tie-break key', (m) => (m.tieBreak[0].key = 'orgrisk'), 'tieBreak[0].key: unknown key "orgrisk"'],
    [
      'an expression of the wrong type',
      (m) => (m.formula.outputs[2].expr = true),
      'formula.outputs[2].expr: expected number, string or object, received boolean',
    ],
  ])('refuses %s', (_what, edit, expected) => {
    const problems = problemsOf(edited(defaultJson, edit));
    expect(
      problems.some((p) => p.startsWith(expected)),
      `got:\n${problems.join('\n')}`,
    ).toBe(true);
  });

  it.each<[string, (m: Json) => void, string]>([
    [
      'a grid with a row missing',
      (m) => m.formula.grades.pop(),
      'formula.grades: needs one row per impact level (4), has 3',
    ],
    [
      'a grid row too short',
      (m) => m.formula.grades[2].pop(),
      'formula.grades[2]: needs one grade per likelihood level (4), has 3',
    ],
    ['a grid axis that is not a factor', (m) => (m.formula.impact = 'harm'), 'formula.impact: unknown factor "harm"'],
    ['a negative grade', (m) => (m.formula.grades[0][0] = -1), 'formula.grades[0][0]: grades must not be negative'],
  ])('refuses a grid model with %s', (_what, edit, expected) => {
    const problems = problemsOf(edited(gridJson, edit));
    expect(
      problems.some((p) => p.startsWith(expected)),
      `got:\n${problems.join('\n')}`,
    ).toBe(true);
  });

  it('refuses something that is not a model at all', () => {
    expect(problemsOf(null)).toEqual(['(top level): expected object, received null']);
    expect(problemsOf([])[0]).toBe('(top level): expected object, received array');
  });

  it('reports every problem, not just the first', () => {
    const bad = edited(defaultJson, (m) => {
      m.bands[1].threshold = 1.5;
      m.factors[0].levels[4].value = 5;
    });
    expect(problemsOf(bad)).toHaveLength(1); // field errors first: cross-field checks wait for a sound shape
    const bad2 = edited(defaultJson, (m) => {
      m.bands[2].threshold = 0.05;
      m.factors[0].levels[4].value = 5;
    });
    expect(problemsOf(bad2)).toHaveLength(2);
  });
});
