/**
 * The analyst's text a build places in the document, read from the store as the builder (their
 * own clearance, not the build's), so the build can say in its log which texts it withholds
 * because they are marked above the build's clearance (analyst-blocks.ts) rather than silently
 * having none. A part may hold one text per marking (migration 017); the build prints the
 * highest-marked one its clearance allows (`textForClearance`), so an OFFICIAL build prints the
 * OFFICIAL text and an OFFICIAL-SENSITIVE build the OFFICIAL-SENSITIVE one, and its log names the
 * text used. The title-page settings (`document.json`) still come from the workspace folder.
 */
import { createHash } from 'node:crypto';
import { markingRank, type Marking } from '../../domain/marking.js';
import { listAnalystTexts, type Actor, type Store } from '../../store/index.js';
import type { DocumentSettings } from './analyst-text.js';

export interface TextPart {
  readonly part: string;
  /** Where the text is, for messages and the build log: 'analyst text "demand" (version 3)'. */
  readonly source: string;
  readonly id: number;
  readonly version: number;
  readonly sha256: string;
  readonly marking: Marking;
  readonly body: string;
}

export interface DocumentText {
  /** Each part's texts the builder may see, lowest marking first. */
  readonly parts: ReadonlyMap<string, readonly TextPart[]>;
  readonly settings: DocumentSettings;
  readonly settingsFile: string | null;
  /** The assessment's report folder (document.json, timeline.json), when there is a workspace. */
  readonly folder?: string | undefined;
}

export async function storedText(
  store: Store,
  builder: Actor,
  assessmentId: number,
): Promise<Map<string, readonly TextPart[]>> {
  const parts = new Map<string, TextPart[]>();
  // listAnalystTexts gives document order, and each part's texts lowest marking first.
  for (const t of await listAnalystTexts(store, builder, assessmentId)) {
    const texts = parts.get(t.part) ?? [];
    texts.push({
      part: t.part,
      source: `analyst text "${t.part}" marked ${t.marking} (version ${t.version})`,
      id: t.id,
      version: t.version,
      sha256: createHash('sha256').update(t.body).digest('hex'),
      marking: t.marking,
      body: t.body,
    });
    parts.set(t.part, texts);
  }
  return parts;
}

/** The text of a part a build at `clearance` prints (the highest marking it may show), and those it withholds. */
export function textForClearance(
  texts: readonly TextPart[],
  clearance: Marking,
): { readonly used: TextPart | undefined; readonly withheld: readonly TextPart[] } {
  const allowed = texts.filter((t) => markingRank(t.marking) <= markingRank(clearance));
  const used = allowed.reduce<TextPart | undefined>(
    (best, t) => (best === undefined || markingRank(t.marking) > markingRank(best.marking) ? t : best),
    undefined,
  );
  return { used, withheld: texts.filter((t) => markingRank(t.marking) > markingRank(clearance)) };
}
