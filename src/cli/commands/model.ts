import { Command } from 'commander';
import { command } from './common.js';
import { printJson, printTable, wantsJson } from '../output.js';
import { withActing, withActor, withStore, type StoreOptions } from './store-context.js';

const load = withActing(
  command('load', "load a scoring model file (e.g. a force's own MoRiLE values); it is checked first"),
)
  .argument('<file>', 'model JSON (format openstra-scoring-model@1)')
  .action(async (file: string, options: StoreOptions) => {
    const { loadModelFile } = await import('../../store/index.js');
    const m = await withActor(options, (store, actor) => loadModelFile(store, actor, file));
    if (wantsJson(options)) printJson(m);
    else
      process.stdout.write(
        m.status === 'loaded'
          ? `Loaded ${m.id}@${m.version}: ${m.name}\n`
          : `${m.id}@${m.version} is already loaded with the same content\n`,
      );
  });

const list = command('list', 'list the scoring models in the store (shipped ones are added when first used)').action(
  async (options: StoreOptions) => {
    const { listModels } = await import('../../store/index.js');
    const models = await withStore(options, (store) => listModels(store));
    if (wantsJson(options)) printJson(models);
    else
      printTable(
        models.map((m) => ({ model: `${m.id}@${m.version}`, name: m.name, source: m.source, loaded: m.loadedAt })),
      );
  },
);

export const modelCommand = new Command('model')
  .description("scoring models (MoRiLE-structured default, NIM 4x4, a force's own)")
  .addCommand(load)
  .addCommand(list);
