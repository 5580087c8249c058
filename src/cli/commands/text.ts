/**
 * `stra text`: the document's written text, kept in the store (issue 14). `import` brings a folder
 * of Markdown written before (one `<part>.md` per part, the way the text was kept until then) into
 * an assessment (each file is its part's text at the file's marking); `list` shows each part's
 * texts you may see, one per marking: marking, version and who changed it last. A part holds one
 * text per marking, so nobody is refused for a text they cannot see (issue 13).
 * Editing is done in the browser (the assessment's Text page).
 */
import { Command } from 'commander';
import path from 'node:path';
import { command } from './common.js';
import { printJson, printTable, wantsJson } from '../output.js';
import { withActing, withActor, type StoreOptions } from './store-context.js';

interface ImportOptions extends StoreOptions {
  readonly assessment: string;
  readonly replace?: boolean;
}

const importText = withActing(command('import', "bring a folder of Markdown (<part>.md) into an assessment's text"))
  .argument('<folder>', 'e.g. workspace/report/2017-18')
  .requiredOption('--assessment <ref>', 'an id (2) or a period (2017/18)')
  .option('--replace', "replace a part's text at the file's marking when the store's differs (by default it is kept)")
  .action(async (folder: string, options: ImportOptions) => {
    const { importTextFolder } = await import('../../report/text/import-text.js');
    const { findAssessment } = await import('../../report/resolve.js');
    const r = await withActor(options, async (store, actor) => {
      const a = await findAssessment(store, actor, options.assessment);
      return importTextFolder(store, actor, a.id, path.resolve(folder), { replace: options.replace === true });
    });
    if (wantsJson(options)) return printJson(r);
    const list = (xs: readonly string[]) => (xs.length === 0 ? 'none' : xs.join(', '));
    process.stdout.write(
      [
        `Text of assessment ${r.assessmentId} from ${r.folder}:`,
        `  written: ${list(r.created)}`,
        `  replaced: ${list(r.replaced)}`,
        `  already the same: ${list(r.unchanged)}`,
        `  kept as in the store (differs; --replace to overwrite): ${list(r.kept)}`,
        `  not parts (not imported): ${list(r.ignored)}`,
        '',
      ].join('\n'),
    );
  });

const list = withActing(
  command(
    'list',
    "each text of an assessment's document you may see (one per part and marking): version, last changed",
  ),
)
  .requiredOption('--assessment <ref>', 'an id (2) or a period (2017/18)')
  .action(async (options: StoreOptions & { assessment: string }) => {
    const { listAnalystTexts } = await import('../../store/index.js');
    const { findAssessment } = await import('../../report/resolve.js');
    const texts = await withActor(options, async (store, actor) =>
      listAnalystTexts(store, actor, (await findAssessment(store, actor, options.assessment)).id),
    );
    const rows = texts.map((t) => ({
      part: t.part,
      marking: t.marking,
      version: t.version,
      words: t.body.split(/\s+/).filter(Boolean).length,
      changed: t.updatedAt.slice(0, 10),
      by: t.updatedByName ?? '',
    }));
    if (wantsJson(options)) printJson(rows);
    else printTable(rows);
  });

export const textCommand = new Command('text')
  .description("the document's written text, kept in the store (edit it in the browser)")
  .addCommand(importText)
  .addCommand(list);
