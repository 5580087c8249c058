/**
 * Analyst-written text in a folder of files: `<workspace>/report/<period>/` (period with a hyphen,
 * e.g. `report/2017-18/`), one Markdown file per part of the document (`introduction.md`,
 * `demand.md`, ...; see TEXT_PARTS) and an optional `document.json` with the author, purpose and
 * date printed on the title page. Since issue 14 the parts' text lives in the store (edited in the
 * browser, marked, versioned, audited; see stored-text.ts); the Markdown files are read only by
 * `stra text import`, which brings a folder written before into the store. `document.json` is
 * still read from the folder by the build.
 *
 * Every text file carries a protective marking in a front-matter line (`marking: OFFICIAL`);
 * without one it takes the assessment's own marking, so a file is never printed in a build
 * below it. A file whose name is not a part is reported in the build log, so a typo is seen.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { inputError } from '../../errors.js';
import { MARKINGS, parseMarking, type Marking } from '../../domain/marking.js';
import { TEXT_PARTS } from '../../domain/document/text-parts.js';
import { TIMELINE_FILE } from './timeline.js';

/** The parts of the document that take analyst text (one list, in the domain). */
export { TEXT_PARTS };

export interface TextFile {
  readonly part: string;
  readonly file: string;
  readonly sha256: string;
  readonly marking: Marking;
  /** Whether the marking was written in the file (or taken from the assessment). */
  readonly markingGiven: boolean;
  readonly body: string;
}

export interface DocumentSettings {
  /** The document's title on its title page, contents and file metadata (default: the assessment's title). */
  readonly title?: string | undefined;
  /** The organisation printed above the title, e.g. "Warwickshire Police and West Mercia Police" (default: the assessment's organisation's name). */
  readonly organisation?: string | undefined;
  readonly author?: string | undefined;
  readonly purpose?: string | undefined;
  readonly date?: string | undefined;
  readonly marking?: Marking | undefined;
}

export interface AnalystText {
  readonly folder: string;
  readonly exists: boolean;
  readonly parts: ReadonlyMap<string, TextFile>;
  readonly settings: DocumentSettings;
  readonly settingsFile: string | null;
  /** Files in the folder that are not a known part. */
  readonly unknown: readonly string[];
}

const Settings = z.strictObject({
  title: z.string().trim().min(1).max(300).optional(),
  organisation: z.string().trim().min(1).max(300).optional(),
  author: z.string().min(1).optional(),
  purpose: z.string().min(1).optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
    .optional(),
  /** The marking of the title-page settings themselves (default: the assessment's). */
  marking: z.enum(MARKINGS).optional(),
});

export const textFolder = (workspaceRoot: string, period: string): string =>
  path.join(workspaceRoot, 'report', period.replace('/', '-'));

export async function readAnalystText(
  workspaceRoot: string,
  period: string,
  defaultMarking: Marking,
): Promise<AnalystText> {
  return readTextFolder(textFolder(workspaceRoot, period), defaultMarking);
}

/** The parts' Markdown and the settings in any folder (`stra text import` reads one anywhere). */
export async function readTextFolder(folder: string, defaultMarking: Marking): Promise<AnalystText> {
  const names = await readdir(folder).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (names === null) return { folder, exists: false, parts: new Map(), settings: {}, settingsFile: null, unknown: [] };
  const parts = new Map<string, TextFile>();
  const unknown: string[] = [];
  let settings: DocumentSettings = {};
  let settingsFile: string | null = null;
  for (const name of names.sort()) {
    const file = path.join(folder, name);
    if (name === 'document.json') {
      settings = parseSettings(await readFile(file, 'utf8'), file);
      settingsFile = file;
    } else if (name === TIMELINE_FILE) {
      // read by the public service transformation part (timeline.ts)
    } else if (name.endsWith('.md') && TEXT_PARTS[name.slice(0, -3)] !== undefined) {
      const raw = await readFile(file, 'utf8');
      const { marking, body } = frontMatter(raw, file);
      parts.set(name.slice(0, -3), {
        part: name.slice(0, -3),
        file,
        sha256: createHash('sha256').update(raw).digest('hex'),
        marking: marking ?? defaultMarking,
        markingGiven: marking !== undefined,
        body,
      });
    } else if (!name.startsWith('.')) {
      unknown.push(name);
    }
  }
  return { folder, exists: true, parts, settings, settingsFile, unknown };
}

function parseSettings(text: string, file: string): DocumentSettings {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw inputError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = Settings.safeParse(json);
  if (!parsed.success)
    throw inputError(
      `${file}: ${z.prettifyError(parsed.error)} (allowed: title, organisation, author, purpose, date YYYY-MM-DD, marking)`,
    );
  return parsed.data;
}

/** A leading `---` block of `key: value` lines; only `marking` is read. */
function frontMatter(raw: string, file: string): { marking: Marking | undefined; body: string } {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.startsWith('---\n')) return { marking: undefined, body: text };
  const end = text.indexOf('\n---', 4);
  if (end < 0) throw inputError(`${file}: the front matter opened by "---" on line 1 is never closed by a "---" line.`);
  let marking: Marking | undefined;
  for (const line of text.slice(4, end).split('\n')) {
    const m = /^\s*([A-Za-z_-]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (m === null) continue;
    if (m[1]!.toLowerCase() !== 'marking')
      throw inputError(`${file}: front matter "${m[1]}" is not known; only "marking" is read.`);
    try {
      marking = parseMarking(m[2]);
    } catch {
      throw inputError(`${file}: marking "${m[2]}" is not one of ${MARKINGS.join(', ')} (exact spelling).`);
    }
  }
  return { marking, body: text.slice(end + 4).replace(/^[^\n]*\n/, '') };
}
