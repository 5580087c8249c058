/**
 * `generateAllianceDataset`: a seeded synthetic police.uk archive for Warwickshire and West
 * Mercia, in the real folder layout and byte format, for `stra demo`, tests and benchmarks.
 * Months are generated in order so each outcomes file can hold the events of earlier crimes;
 * every file has its own random stream, so a month's street file does not depend on which kinds
 * were asked for (its last outcomes do depend on `to`, the month the "archive" is made).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { forceName as policeUkForceName } from '../domain/crime/forces.js';
import { loadAreaTable, type AreaLsoa } from './area-table.js';
import { ALLIANCE_FORCES, type AllianceForce } from './category-mix.js';
import type { GeneratedDataset, GeneratedFile } from './dataset.js';
import { districtProfile } from './districts.js';
import { monthText, parseMonthIndex } from './month-index.js';
import { OutcomeBook } from './outcome-rows.js';
import { archivePath, HEADERS, type FileKind } from './police-uk-format.js';
import { generateStopAndSearchMonth } from './stop-and-search-rows.js';
import { buildStreetModel, generateStreetMonth, resolvePlantSteps, type PlantStep } from './street-rows.js';

export type { PlantStep } from './street-rows.js';
export type { FileKind } from './police-uk-format.js';
export type { GeneratedDataset, GeneratedFile } from './dataset.js';

export interface AllianceOptions {
  readonly outDir: string;
  readonly seed: number;
  /** First month, `YYYY-MM`. */
  readonly from: string;
  /** Last month, `YYYY-MM`; also the month the "archive" is made (recent crimes lack outcomes). */
  readonly to: string;
  /** Default: all three. */
  readonly kinds?: readonly FileKind[];
  /** Default: both alliance forces. */
  readonly forces?: readonly AllianceForce[];
  /** Multiply the expected volume of a district x category from a month on (tests plant changes). */
  readonly plantStep?: PlantStep | readonly PlantStep[];
  /** Area table to draw LSOAs from; default the shipped `data/areas/warwickshire-west-mercia.csv`. */
  readonly areaTable?: string;
  /** Called after each file is written (progress). */
  readonly onFile?: (file: GeneratedFile) => void;
}

function forceDisplayName(force: AllianceForce, area: readonly AreaLsoa[]): string {
  return area.find((a) => a.force === force && a.forceName)?.forceName ?? policeUkForceName(force) ?? force;
}

export async function generateAllianceDataset(options: AllianceOptions): Promise<GeneratedDataset> {
  const first = parseMonthIndex(options.from);
  const last = parseMonthIndex(options.to);
  if (last < first) throw new Error(`to (${options.to}) is before from (${options.from})`);
  const kinds = new Set(options.kinds ?? ['street', 'outcomes', 'stop-and-search']);
  const forces = options.forces ?? ALLIANCE_FORCES;
  const steps = resolvePlantSteps(
    options.plantStep === undefined
      ? []
      : Array.isArray(options.plantStep)
        ? options.plantStep
        : [options.plantStep as PlantStep],
  );
  const area = await loadAreaTable(options.areaTable);
  const files: GeneratedFile[] = [];
  let total = 0;

  const emit = async (kind: FileKind, force: string, month: string, text: string, rows: number): Promise<void> => {
    const rel = archivePath(month, force, kind);
    const file = path.join(options.outDir, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${HEADERS[kind]}\n${text}`);
    const generated: GeneratedFile = { path: file, kind, force, month, rows };
    files.push(generated);
    total += rows;
    options.onFile?.(generated);
  };

  for (const force of forces) {
    const name = forceDisplayName(force, area);
    const needStreet = kinds.has('street') || kinds.has('outcomes');
    const model = needStreet ? buildStreetModel(options.seed, force, name, area) : undefined;
    const districts = [...new Set(area.filter((a) => a.force === force).map((a) => a.district))].map((district) => ({
      district,
      weight: districtProfile(district).rows,
    }));
    const book = new OutcomeBook();
    for (let m = first; m <= last; m++) {
      const month = monthText(m);
      if (model) {
        const street = generateStreetMonth(model, options.seed, m, last, steps);
        if (kinds.has('street')) await emit('street', force, month, street.text, street.rows);
        if (kinds.has('outcomes')) {
          book.add(street.outcomes);
          const out = book.take(m);
          await emit('outcomes', force, month, out.text, out.rows);
        }
      }
      if (kinds.has('stop-and-search')) {
        const sas = generateStopAndSearchMonth(options.seed, force, districts, m);
        await emit('stop-and-search', force, month, sas.text, sas.rows);
      }
    }
  }
  return { files, rows: total };
}
