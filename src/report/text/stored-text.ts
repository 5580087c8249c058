/**
 * The analyst's text a build places in the document, read from the store as the builder (their
 * own clearance, not the build's), so the build can say in its log which parts it withholds
 * because they are marked above the build's clearance (analyst-blocks.ts) rather than silently
 * having none. The title-page settings (`document.json`) still come from the workspace folder.
 */
import { createHash } from 'node:crypto';
import type { Marking } from '../../domain/marking.js';
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
  readonly parts: ReadonlyMap<string, TextPart>;
  readonly settings: DocumentSettings;
  readonly settingsFile: string | null;
  /** The assessment's report folder (document.json, timeline.json), when there is a workspace. */
  readonly folder?: string | undefined;
}

export async function storedText(store: Store, builder: Actor, assessmentId: number): Promise<Map<string, TextPart>> {
  const texts = await listAnalystTexts(store, builder, assessmentId);
  return new Map(
    texts.map((t) => [
      t.part,
      {
        part: t.part,
        source: `analyst text "${t.part}" (version ${t.version})`,
        id: t.id,
        version: t.version,
        sha256: createHash('sha256').update(t.body).digest('hex'),
        marking: t.marking,
        body: t.body,
      },
    ]),
  );
}
