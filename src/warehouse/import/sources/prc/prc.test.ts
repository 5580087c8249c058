/** The Home Office PRC table format: recognition, financial years, count quirks. */
import { describe, expect, it } from 'vitest';
import { sniffBytes } from '../../sniff.js';
import { parsePrcCount } from './count.js';
import { parseFinancialYear, PRC_HEADER, prcSourceKey } from './format.js';

describe('Home Office PRC tables', () => {
  it("are recognised by their header and keyed by the first row's financial year", () => {
    const sniffed = sniffBytes(
      Buffer.from(
        `${PRC_HEADER.join(',')}\n2019/20,1,Action Fraud,Fraud,Fraud offences,Fraud: Action Fraud,AF,84746.0\n`,
      ),
    );
    expect(sniffed.ok && sniffed.format.kind).toBe('prc');
    expect(sniffed.ok && prcSourceKey(sniffed.firstRecord, sniffed.header)).toEqual({
      ok: true,
      force: 'all',
      month: '2019-04',
    });
    expect(prcSourceKey(undefined, PRC_HEADER)).toMatchObject({ ok: false });
    const renamed = sniffBytes(Buffer.from(`${PRC_HEADER.slice(0, 7).join(',')},Offences\n`));
    expect(renamed).toEqual({
      ok: false,
      reason:
        "header does not match the Home Office PRC table format: missing column 'Number of Offences'; unexpected column 'Offences'",
    });
  });

  it('read financial years as the Home Office writes them', () => {
    expect(parseFinancialYear('2017/18')).toEqual({ label: '2017/18', start: 2017, firstMonth: '2017-04' });
    expect(parseFinancialYear(' 1999-00 ')).toEqual({ label: '1999/00', start: 1999, firstMonth: '1999-04' });
    expect(parseFinancialYear('2017/19')).toBeUndefined();
    expect(parseFinancialYear('2017')).toBeUndefined();
  });

  it("read counts with each release's quirks", () => {
    expect(parsePrcCount(' 66776 ')).toEqual({ ok: true, value: 66776 });
    expect(parsePrcCount('-00 ')).toEqual({ ok: true, value: 0 });
    expect(parsePrcCount('-1 ')).toEqual({ ok: true, value: -1 });
    expect(parsePrcCount('84746.0')).toEqual({ ok: true, value: 84746 });
    expect(parsePrcCount('26033.387592678326')).toEqual({ ok: true, value: 26033.387592678326 });
    expect(parsePrcCount('-61.0')).toEqual({ ok: true, value: -61 });
    expect(parsePrcCount('"1,234"'.replace(/"/g, ''))).toEqual({ ok: true, value: 1234 });
    expect(parsePrcCount('  ')).toEqual({ ok: false, reason: 'Number of Offences is empty' });
    expect(parsePrcCount('n/a')).toEqual({ ok: false, reason: "Number of Offences 'n/a' is not a number" });
    expect(parsePrcCount('1e5')).toMatchObject({ ok: false });
    expect(parsePrcCount('12,34')).toMatchObject({ ok: false });
  });
});
