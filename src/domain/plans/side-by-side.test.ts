import { describe, expect, it } from 'vitest';
import { sideBySide, wrap } from './side-by-side.js';

describe('the side-by-side text layout', () => {
  it('wraps at spaces and cuts only a word longer than the column', () => {
    expect(wrap('Support appropriate use of restorative justice', 20)).toEqual([
      'Support appropriate',
      'use of restorative',
      'justice',
    ]);
    expect(wrap('abcdefghij klm', 4)).toEqual(['abcd', 'efgh', 'ij', 'klm']);
    expect(wrap('', 10)).toEqual(['']);
  });

  it('lays out theme headings and rows in two columns, an empty side left blank', () => {
    const text = sideBySide(
      ['West Mercia', 'Warwickshire'],
      [
        {
          themeA: 'Putting victims first',
          themeB: 'Putting victims and survivors first',
          rows: [
            {
              a: { id: 1, theme: 'x', text: 'Publish Victims Charter' },
              b: { id: 9, theme: 'y', text: 'Publish Victims Charter' },
            },
            { a: null, b: { id: 10, theme: 'y', text: 'Monitor restorative justice' } },
          ],
        },
      ],
      { width: 24, ids: true },
    );
    expect(text.split('\n')).toEqual([
      'West Mercia              | Warwickshire',
      '-------------------------+-------------------------',
      '## Putting victims first | ## Putting victims and',
      '                         | survivors first',
      '[1] Publish Victims      | [9] Publish Victims',
      'Charter                  | Charter',
      '                         | [10] Monitor restorative',
      '                         | justice',
      '-------------------------+-------------------------',
      '',
    ]);
  });
});
