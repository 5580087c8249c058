/**
 * Step 2 of an import: what each discovered file is (its format, from its first bytes: see
 * sniff.ts) and which force-month it holds (its source says how: see sources/). A file that is
 * neither is refused here, whole, with the reason, before anything is hashed or read.
 */
import type { SourceFile } from './files/discover.js';
import { sniffFile } from './sniff.js';
import { sourceOf } from './sources/registry.js';
import type { FileResult, SniffedSource } from './types.js';

type Recognised = { ok: true; source: SniffedSource } | { ok: false; result: FileResult };

export async function recogniseAll(
  files: readonly SourceFile[],
  force: string | undefined,
): Promise<{ sniffed: SniffedSource[]; refused: FileResult[] }> {
  const sniffed: SniffedSource[] = [];
  const refused: FileResult[] = [];
  for (const f of files) {
    const r = await recognise(f, force);
    if (r.ok) sniffed.push(r.source);
    else refused.push(r.result);
  }
  return { sniffed, refused };
}

/** What the file is and which force-month it holds, from its name and first bytes. */
async function recognise(file: SourceFile, forceOption: string | undefined): Promise<Recognised> {
  const refused = (reason: string, extra: Partial<FileResult> = {}): Recognised => ({
    ok: false,
    result: {
      file: file.displayName,
      kind: null,
      force: null,
      month: null,
      sha256: null,
      status: 'refused',
      rows: 0,
      rejected: 0,
      reason,
      partitions: [],
      ...extra,
    },
  });
  const sniffed = await sniffFile(file.path);
  if (!sniffed.ok) return refused(sniffed.reason);
  const { format } = sniffed;
  const key = sourceOf(format).keyOf(file, sniffed, forceOption);
  if (!key.ok) return refused(key.reason, { kind: format.kind });
  return {
    ok: true,
    source: {
      path: file.path,
      displayName: file.displayName,
      bytes: file.bytes,
      format,
      header: sniffed.header,
      force: key.force,
      month: key.month,
    },
  };
}
