import { describe, it, expect } from 'vitest';
import { MARKINGS, canSee, highestMarking, isMarking, markingRank, parseMarking } from './marking.js';
import type { Marking, MarkedRecord, Reader } from './marking.js';

const reader = (clearance: Marking, organisationIds: string[] = ['wmp']): Reader => ({
  clearance,
  organisationIds,
});
const record = (marking: Marking, organisationId = 'wmp', sharedWith?: string[]): MarkedRecord =>
  sharedWith === undefined ? { marking, organisationId } : { marking, organisationId, sharedWith };

describe('markingRank', () => {
  it('orders OFFICIAL < OFFICIAL-SENSITIVE < SECRET', () => {
    expect(MARKINGS.map(markingRank)).toEqual([0, 1, 2]);
  });
});

describe('parseMarking', () => {
  it.each(MARKINGS)('accepts %s', (m) => {
    expect(parseMarking(m)).toBe(m);
    expect(isMarking(m)).toBe(true);
  });

  it.each(['official', 'TOP SECRET', 'PROTECT', 'OFFICIAL SENSITIVE', '', ' SECRET'])(
    'refuses %j with a message listing the valid markings',
    (bad) => {
      expect(() => parseMarking(bad)).toThrow(
        `Unknown protective marking "${bad}": use one of OFFICIAL, OFFICIAL-SENSITIVE, SECRET`,
      );
    },
  );

  it('refuses non-strings', () => {
    expect(() => parseMarking(2)).toThrow('Unknown protective marking 2');
    expect(isMarking(undefined)).toBe(false);
  });
});

describe('highestMarking', () => {
  it('takes the highest marking of the inputs', () => {
    expect(highestMarking(['OFFICIAL', 'SECRET', 'OFFICIAL-SENSITIVE'])).toBe('SECRET');
    expect(highestMarking(['OFFICIAL', 'OFFICIAL-SENSITIVE'])).toBe('OFFICIAL-SENSITIVE');
    expect(highestMarking(['OFFICIAL'])).toBe('OFFICIAL');
  });

  it('is OFFICIAL for a product with no marked inputs', () => {
    expect(highestMarking([])).toBe('OFFICIAL');
  });
});

describe('canSee: clearance x marking, same organisation', () => {
  const table: Array<[Marking, Marking, boolean]> = [
    ['OFFICIAL', 'OFFICIAL', true],
    ['OFFICIAL', 'OFFICIAL-SENSITIVE', false],
    ['OFFICIAL', 'SECRET', false],
    ['OFFICIAL-SENSITIVE', 'OFFICIAL', true],
    ['OFFICIAL-SENSITIVE', 'OFFICIAL-SENSITIVE', true],
    ['OFFICIAL-SENSITIVE', 'SECRET', false],
    ['SECRET', 'OFFICIAL', true],
    ['SECRET', 'OFFICIAL-SENSITIVE', true],
    ['SECRET', 'SECRET', true],
  ];
  it.each(table)('reader cleared %s sees a %s record: %s', (clearance, marking, expected) => {
    expect(canSee(reader(clearance), record(marking))).toBe(expected);
  });
});

describe('canSee: organisations and sharing', () => {
  it.each(MARKINGS)('an equal-rank %s record of another organisation is NOT visible (the known leak)', (m) => {
    expect(canSee(reader(m, ['wmp']), record(m, 'warks'))).toBe(false);
  });

  it('a record of another organisation is invisible even to a higher clearance', () => {
    expect(canSee(reader('SECRET', ['wmp']), record('OFFICIAL', 'warks'))).toBe(false);
  });

  it('a record shared with one of the reader organisations is visible', () => {
    expect(canSee(reader('OFFICIAL', ['csp-1', 'wmp']), record('OFFICIAL', 'warks', ['wmp']))).toBe(true);
  });

  it('sharing never lifts the clearance check', () => {
    expect(canSee(reader('OFFICIAL', ['wmp']), record('OFFICIAL-SENSITIVE', 'warks', ['wmp']))).toBe(false);
  });

  it('a share with some other organisation does not help', () => {
    expect(canSee(reader('SECRET', ['wmp']), record('OFFICIAL', 'warks', ['opcc']))).toBe(false);
  });

  it('a member of several organisations sees each of their records', () => {
    const r = reader('OFFICIAL-SENSITIVE', ['wmp', 'warks']);
    expect(canSee(r, record('OFFICIAL-SENSITIVE', 'warks'))).toBe(true);
    expect(canSee(r, record('OFFICIAL', 'wmp'))).toBe(true);
  });

  it('a reader with no organisations sees nothing', () => {
    expect(canSee(reader('SECRET', []), record('OFFICIAL', 'wmp', ['wmp']))).toBe(false);
  });
});
