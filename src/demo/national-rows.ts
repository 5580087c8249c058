/**
 * Writes one national benchmark street file as fast as JavaScript allows: rows are assembled by
 * copying ready-made byte strings (month prefix, snap point, category + outcome) and 64 hex digits
 * straight into the writer's buffer; LSOAs in name order, each LSOA's ASB rows first, as police.uk
 * orders its files. One random stream per force-month.
 */
import { AliasTable } from './alias.js';
import { ASB_LABEL, CRIME_TYPES, type CrimeType } from './category-mix.js';
import { BufferedFileWriter } from './csv-writer.js';
import { monthText } from './month-index.js';
import { POINTS_PER_LSOA, type NationalForceGeography } from './national-geography.js';
import { OUTCOME_LABELS, REAL_OUTCOME_COUNTS } from './outcome-mix.js';
import { STREET_HEADER } from './police-uk-format.js';
import { Rng } from './rng.js';

const ASB_INDEX = CRIME_TYPES.indexOf(ASB_LABEL);
const MAX_ROW_BYTES = 1024;

/** The two hex digits of each byte value, as ASCII codes: HEX_PAIRS[2b], HEX_PAIRS[2b + 1]. */
const HEX_PAIRS = new Uint8Array(512);
for (let b = 0; b < 256; b++) {
  const hex = b.toString(16).padStart(2, '0');
  HEX_PAIRS[2 * b] = hex.charCodeAt(0);
  HEX_PAIRS[2 * b + 1] = hex.charCodeAt(1);
}

/** `Crime type,Last outcome category,Context` + LF of each category x outcome, and the outcome mix. */
export interface RowTexts {
  readonly suffixes: Buffer[][];
  readonly outcomes: (AliasTable | undefined)[];
}

export function suffixBytes(): RowTexts {
  const suffixes = CRIME_TYPES.map((c) =>
    c === ASB_LABEL ? [Buffer.from(`${c},,\n`)] : OUTCOME_LABELS.map((o) => Buffer.from(`${c},${o},\n`)),
  );
  const outcomes = CRIME_TYPES.map((c) =>
    c === ASB_LABEL ? undefined : new AliasTable(REAL_OUTCOME_COUNTS[c as Exclude<CrimeType, 'Anti-social behaviour'>]),
  );
  return { suffixes, outcomes };
}

export interface FileJob {
  readonly force: NationalForceGeography;
  readonly forceName: string;
  readonly monthIndex: number;
  readonly rows: number;
}

/** Writes the rows and returns once they are all handed to the writer, with the file's closing. */
export async function writeStreetFile(
  file: string,
  job: FileJob,
  seed: number,
  categories: AliasTable,
  text: RowTexts,
): Promise<{ closed: Promise<void> }> {
  const month = monthText(job.monthIndex);
  const rng = Rng.derive(seed, 'national', job.force.slug, month);
  const { lsoaAlias, points, lsoaCount } = job.force;
  const counts = new Int32Array(lsoaCount);
  for (let i = 0; i < job.rows; i++) {
    const l = lsoaAlias.sample(rng);
    counts[l] = (counts[l] as number) + 1;
  }
  const prefix = Buffer.from(`,${month},${job.forceName},${job.forceName},`);
  let cats = new Uint8Array(64);
  const w = await BufferedFileWriter.create(file);
  await w.write(`${STREET_HEADER}\n`);
  for (let l = 0; l < lsoaCount; l++) {
    const n = counts[l] as number;
    if (n === 0) continue;
    if (n > cats.length) cats = new Uint8Array(n * 2);
    for (let k = 0; k < n; k++) cats[k] = categories.sample(rng);
    // police.uk lists an LSOA's ASB rows first.
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < n; k++) {
        const cat = cats[k] as number;
        const isAsb = cat === ASB_INDEX;
        if (isAsb !== (pass === 0)) continue;
        if (w.free < MAX_ROW_BYTES) await w.flush();
        const buf = w.chunk;
        let pos = w.pos;
        if (!isAsb) {
          // Crime ID: 64 hex digits from 8 x 32 random bits.
          for (let j = 0; j < 8; j++) {
            const x = rng.uint32();
            let b = (x >>> 23) & 510;
            buf[pos] = HEX_PAIRS[b] as number;
            buf[pos + 1] = HEX_PAIRS[b + 1] as number;
            b = (x >>> 15) & 510;
            buf[pos + 2] = HEX_PAIRS[b] as number;
            buf[pos + 3] = HEX_PAIRS[b + 1] as number;
            b = (x >>> 7) & 510;
            buf[pos + 4] = HEX_PAIRS[b] as number;
            buf[pos + 5] = HEX_PAIRS[b + 1] as number;
            b = (x << 1) & 510;
            buf[pos + 6] = HEX_PAIRS[b] as number;
            buf[pos + 7] = HEX_PAIRS[b + 1] as number;
            pos += 8;
          }
        }
        buf.set(prefix, pos);
        pos += prefix.length;
        const u = rng.float();
        const point = points[l * POINTS_PER_LSOA + Math.floor(u * u * POINTS_PER_LSOA)] as Buffer;
        buf.set(point, pos);
        pos += point.length;
        const outcome = isAsb ? 0 : (text.outcomes[cat] as AliasTable).sample(rng);
        const suffix = (text.suffixes[cat] as Buffer[])[outcome] as Buffer;
        buf.set(suffix, pos);
        w.pos = pos + suffix.length;
      }
    }
  }
  const closed = w.close();
  closed.catch(() => undefined); // the caller awaits it later; do not let it count as unhandled meanwhile
  return { closed };
}
