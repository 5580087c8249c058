import { describe, expect, it } from 'vitest';
import { parsePoliceUkFileName } from './file-name.js';

describe('police.uk file names', () => {
  it('give the month, force and kind', () => {
    expect(parsePoliceUkFileName('2018-03-west-mercia-stop-and-search.csv')).toEqual({
      ok: true,
      value: { month: '2018-03', force: 'west-mercia', kind: 'stop-and-search' },
    });
    expect(parsePoliceUkFileName('2018-03-btp-street.csv')).toEqual({
      ok: true,
      value: { month: '2018-03', force: 'btp', kind: 'street' },
    });
    expect(parsePoliceUkFileName('crimes.csv')).toEqual({ ok: 'not-police-uk' });
    expect(parsePoliceUkFileName('2018-00-warwickshire-street.csv')).toMatchObject({ ok: false });
  });
});
