/**
 * data/harm/ons-css-weights.csv: the ONS Crime Severity Score weight of every offence code, with
 * the edition and how each PRC code was matched; fraud is listed with no weight, and why.
 */
import { field, num, toCsv, type Row } from './csv.js';
import type { CodeOut } from './offence-codes.js';
import { ONS_CSS_EDITION } from './transcribed.js';

export function buildOnsCss(
  cssRows: readonly Row[],
  cssFile: string,
  codes: readonly CodeOut[],
  codeIndex: ReadonlyMap<string, CodeOut>,
): { cssWeight: Map<string, number>; csv: string } {
  const cssWeight = new Map<string, number>();
  const cssOut: Record<string, string>[] = [];
  for (const r of cssRows) {
    const code = field(r, 'offence_code', cssFile).trim();
    if (!codeIndex.has(code)) throw new Error(`${cssFile}: code ${code} is not a known offence code`);
    if (cssWeight.has(code)) throw new Error(`${cssFile}: code ${code} twice`);
    const weightStr = field(r, 'weight', cssFile).trim();
    const w = num(weightStr, `${cssFile} ${code} weight`);
    if (!(w > 0)) throw new Error(`${cssFile}: weight of ${code} must be > 0`);
    cssWeight.set(code, w);
    cssOut.push({
      offence_code: code,
      offence_description: codeIndex.get(code)?.description ?? '',
      weight: weightStr,
      ons_weights_code: field(r, 'ons_weights_code', cssFile).trim(),
      ons_weights_offence: field(r, 'ons_weights_offence', cssFile).trim(),
      ons_weights_section: field(r, 'ons_weights_section', cssFile).trim(),
      edition: ONS_CSS_EDITION,
      match: field(r, 'match', cssFile).trim(),
    });
  }
  for (const c of codes) {
    if (cssWeight.has(c.code)) continue;
    if (c.group !== 'Fraud offences') throw new Error(`offence code ${c.code} has no ONS CSS weight and is not fraud`);
    cssOut.push({
      offence_code: c.code,
      offence_description: c.description,
      weight: '',
      ons_weights_code: '',
      ons_weights_offence: '',
      ons_weights_section: '',
      edition: ONS_CSS_EDITION,
      match:
        'no weight: the ONS List of weights has none for fraud recorded by Action Fraud / CIFAS / UK Finance / FFA UK; fraud is outside the Crime Severity Score',
    });
  }
  const order = new Map(codes.map((c, i) => [c.code, i]));
  cssOut.sort((a, b) => (order.get(a.offence_code ?? '') ?? 0) - (order.get(b.offence_code ?? '') ?? 0));
  const onsCssCsv = toCsv(
    [
      'offence_code',
      'offence_description',
      'weight',
      'ons_weights_code',
      'ons_weights_offence',
      'ons_weights_section',
      'edition',
      'match',
    ],
    cssOut,
  );
  return { cssWeight, csv: onsCssCsv };
}
