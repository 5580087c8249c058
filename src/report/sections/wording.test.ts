import { describe, expect, it } from 'vitest';
import { changeWords, formatQ, listWords, qText } from './wording.js';

describe('statements written from the E-test', () => {
  it('calls a change significant only where the adjusted test says so', () => {
    expect(changeWords({ flag: 'significantly-above', change: 120, percentChange: 12.345, qValue: 0.0031 })).toBe(
      'a significant rise of 12.3% (q = 0.003)',
    );
    expect(changeWords({ flag: 'significantly-below', change: -40, percentChange: -4.05, qValue: 0.0004 })).toBe(
      'a significant fall of 4.1% (q < 0.001)',
    );
    expect(changeWords({ flag: 'above', change: 12, percentChange: 3.2, qValue: 0.21 })).toBe(
      'a rise of 3.2%, not significant (q = 0.210)',
    );
    expect(changeWords({ flag: 'similar', change: -2, percentChange: -0.4, qValue: 0.557 })).toBe(
      'a fall of 0.4%, not significant (q = 0.557)',
    );
    expect(changeWords({ flag: 'insufficient-data', change: null, percentChange: null, qValue: null })).toContain(
      'not compared',
    );
  });

  it('formats q-values and lists as a reader expects', () => {
    expect([formatQ(null), qText(0.0004), qText(0.03), qText(null)]).toEqual(['q n/a', '< 0.001', '0.030', '']);
    expect([listWords([]), listWords(['A']), listWords(['A', 'B']), listWords(['A', 'B', 'C'])]).toEqual([
      '',
      'A',
      'A and B',
      'A, B and C',
    ]);
  });
});
