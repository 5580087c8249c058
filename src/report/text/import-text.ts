/**
 * Bringing a folder of Markdown (the way the text was kept before issue 14: one `<part>.md` per
 * part, an optional `marking:` front-matter line) into the store as an assessment's text, so
 * nobody's drafts are stranded. Each file is its part's text at the file's marking (a part holds
 * one text per marking; texts at other markings are left alone). A text already in the store at
 * that marking is kept unless the import is asked to replace it; each file is checked as the document reads it before anything
 * is written, so a bad file stops the import with its name and line and writes nothing.
 */
import { listAnalystTexts, type Actor, type Store } from '../../store/index.js';
import { getAssessment } from '../../store/index.js';
import { readTextFolder } from './analyst-text.js';
import { checkMarkdown, saveAnalystText } from './save-text.js';

export interface TextImport {
  readonly folder: string;
  readonly assessmentId: number;
  /** Parts written new, replaced, already the same, and kept as the store had them. */
  readonly created: readonly string[];
  readonly replaced: readonly string[];
  readonly unchanged: readonly string[];
  readonly kept: readonly string[];
  /** Files in the folder that are not a part (and document.json, which the build reads in place). */
  readonly ignored: readonly string[];
}

export async function importTextFolder(
  store: Store,
  actor: Actor,
  assessmentId: number,
  folder: string,
  o: { replace?: boolean } = {},
): Promise<TextImport> {
  const assessment = await getAssessment(store, actor, assessmentId);
  const files = await readTextFolder(folder, assessment.marking);
  for (const f of files.parts.values()) checkMarkdown(f.body, f.file);
  // A part holds one text per marking: a file is the part's text at the file's marking.
  const existing = new Map(
    (await listAnalystTexts(store, actor, assessment.id)).map((t) => [`${t.part} ${t.marking}`, t]),
  );
  const result = { created: [] as string[], replaced: [] as string[], unchanged: [] as string[], kept: [] as string[] };
  for (const f of files.parts.values()) {
    const current = existing.get(`${f.part} ${f.marking}`);
    if (current !== undefined && current.body !== f.body && o.replace !== true) {
      result.kept.push(f.part);
      continue;
    }
    const w = await saveAnalystText(store, actor, {
      assessmentId: assessment.id,
      part: f.part,
      body: f.body,
      marking: f.marking,
      expectedVersion: current?.version ?? null,
    });
    (w.created ? result.created : w.changed ? result.replaced : result.unchanged).push(f.part);
  }
  const ignored = [...files.unknown, ...(files.settingsFile === null ? [] : ['document.json'])];
  return { folder, assessmentId: assessment.id, ...result, ignored };
}
