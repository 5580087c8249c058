import { describe, expect, it } from 'vitest';
import { sniffBytes } from './sniff.js';
import { STREET_HEADER } from './sources/police-uk/street.js';

const text = (s: string) => Buffer.from(s);

describe('recognising a file from its first bytes', () => {
  it('knows the three police.uk kinds and a force extract', () => {
    const street = sniffBytes(text(STREET_HEADER.join(',') + '\n'));
    expect(street.ok && street.format.kind).toBe('street');
    const extract = sniffBytes(text('Crime Reference,Offence Code,Recorded Date\nA,8N,2018-01-01\n'));
    expect(extract.ok && extract.format.kind).toBe('force-extract');
    expect(extract.ok && extract.header).toEqual(['crime_reference', 'offence_code', 'recorded_date']);
  });

  it('refuses binary data, zips without a .zip name and columns in the wrong order', () => {
    expect(sniffBytes(Buffer.from([1, 2, 0, 4]))).toEqual({
      ok: false,
      reason: 'the file is binary, not a CSV text file',
    });
    expect(sniffBytes(Buffer.from('PK\u0003\u0004rest'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/zip/),
    });
    const swapped = [...STREET_HEADER];
    [swapped[0], swapped[1]] = [swapped[1]!, swapped[0]!];
    expect(sniffBytes(text(swapped.join(',') + '\n'))).toEqual({
      ok: false,
      reason: 'header does not match the police.uk street format: columns are in the wrong order',
    });
  });
});
