/**
 * "Number of Offences" as the Home Office PRC CSV files write it. Each release was exported
 * from the spreadsheet differently: the 2017/18 file keeps the display format (`" 66776 "`, zero
 * as `-00`, negatives as `-1 `), the 2019/20 file was saved by pandas as floats (`84746.0`, and
 * UK Finance's non-integer `26033.387592678326`). Negative counts are recording adjustments
 * published as such and are kept.
 */
export type CountParse =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: string };

const PLAIN = /^-?(\d+)(\.\d+)?$/;
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

export function parsePrcCount(raw: string): CountParse {
  const s = raw.replace(/[\s\u00a0]+/g, '');
  if (s === '') return { ok: false, reason: 'Number of Offences is empty' };
  if (/^-0+$/.test(s)) return { ok: true, value: 0 }; // the spreadsheet's display of zero
  const plain = PLAIN.test(s) ? s : GROUPED.test(s) ? s.replace(/,/g, '') : undefined;
  const value = plain === undefined ? Number.NaN : Number(plain);
  if (!Number.isFinite(value)) return { ok: false, reason: `Number of Offences '${raw}' is not a number` };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}
