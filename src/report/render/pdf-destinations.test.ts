import { describe, expect, it } from 'vitest';
import { parseDests } from './pdf-destinations.js';

describe('reading where headings fell in a PDF', () => {
  it('reads pdfinfo -dests: page and destination name, first occurrence kept', () => {
    const text = [
      'Page  Destination                 Name',
      '   3 [ XYZ   56  785 null      ] "introduction"',
      '  13 [ XYZ   56  785 null      ] "demand"',
      '  14 [ XYZ   56  530 null      ] "crime-harm"',
      '  15 [ XYZ   56  530 null      ] "crime-harm"',
    ].join('\n');
    expect([...parseDests(text)]).toEqual([
      ['introduction', 3],
      ['demand', 13],
      ['crime-harm', 14],
    ]);
  });
});
