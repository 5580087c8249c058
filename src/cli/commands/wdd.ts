import { crimeCategories } from '../../domain/crime/categories.js';
import { command } from './common.js';
import { commandContext, withWarehouse, type CommonOptions } from '../context.js';
import { note, printJson, printTable, wantsJson } from '../output.js';
import { collect, parseAreaFilter, parseFraction, parseMonthArg } from './analysis-options.js';
import { usageError } from '../../errors.js';
import type { Month } from '../../domain/crime/month.js';

interface WddOptions extends CommonOptions {
  readonly target?: string;
  readonly control?: string;
  readonly displacement?: string;
  readonly displacementControl?: string;
  readonly targetArea?: string[];
  readonly controlArea?: string[];
  readonly displacementArea?: string[];
  readonly displacementControlArea?: string[];
  readonly before?: string;
  readonly after?: string;
  readonly category?: string[];
  readonly force?: string[];
  readonly harm?: string;
  readonly confidence: string;
}

const pair = (name: string, text: string | undefined) => {
  if (text === undefined) return undefined;
  const [b, a, ...rest] = text.split(',').map((x) => Number(x.trim()));
  if (rest.length || !Number.isInteger(b) || !Number.isInteger(a) || b! < 0 || a! < 0)
    throw usageError(`${name}: '${text}' should be two counts, before,after (e.g. 120,85)`);
  return { before: b!, after: a! };
};

const range = (name: string, text: string | undefined): { from: Month; to: Month } => {
  const [f, t] = (text ?? '').split('..');
  const from = parseMonthArg(name, f);
  const to = parseMonthArg(name, t ?? f);
  if (!from || !to || from > to)
    throw usageError(`${name}: '${text ?? ''}' should be a month range FROM..TO (e.g. 2017-01..2017-06)`);
  return { from, to };
};

export const wddCommand = command(
  'wdd',
  "what works: the Weighted Displacement Difference test (Wheeler & Ratcliffe 2018) on counts you give or the warehouse's",
)
  .option('--target <before,after>', 'counts in the target area')
  .option('--control <before,after>', 'counts in the control area')
  .option('--displacement <before,after>', 'counts in the displacement (buffer) area')
  .option('--displacement-control <before,after>', "counts in the displacement area's control")
  .option(
    '--target-area <dim=name>',
    'from the warehouse: the target area, e.g. district=Rugby (repeatable)',
    (v: string, p: string[] = []) => [...p, v],
  )
  .option('--control-area <dim=name>', 'from the warehouse: the control area', (v: string, p: string[] = []) => [
    ...p,
    v,
  ])
  .option(
    '--displacement-area <dim=name>',
    'from the warehouse: the displacement area',
    (v: string, p: string[] = []) => [...p, v],
  )
  .option(
    '--displacement-control-area <dim=name>',
    "from the warehouse: the displacement area's control",
    (v: string, p: string[] = []) => [...p, v],
  )
  .option('--before <from..to>', 'from the warehouse: months before, e.g. 2017-01..2017-06')
  .option('--after <from..to>', 'from the warehouse: months after, e.g. 2017-07..2017-12')
  .option('--category <slugs>', 'from the warehouse: only these categories', collect)
  .option('--force <ids>', 'from the warehouse: only crimes reported by these forces', collect)
  .option(
    '--harm <index>',
    'from the warehouse: also the harm-weighted WDD with this index (cchi-median, cchi-mean, ons-css)',
  )
  .option('--confidence <level>', 'confidence level of the interval', '0.95')
  .action(async (options: WddOptions) => {
    const confidenceLevel = parseFraction('--confidence', options.confidence);
    const fromWarehouse = options.targetArea !== undefined || options.controlArea !== undefined;
    if (fromWarehouse) {
      if (!options.targetArea || !options.controlArea) throw usageError('give both --target-area and --control-area');
      if (!!options.displacementArea !== !!options.displacementControlArea)
        throw usageError('give both --displacement-area and --displacement-control-area, or neither');
      const ctx = await commandContext(options);
      const { whatWorks } = await import('../../analytics/what-works.js');
      const { categoryWeights } = await import('../../analytics/weights.js');
      const result = await withWarehouse(ctx, (wh) =>
        whatWorks(wh, {
          target: parseAreaFilter(options.targetArea),
          control: parseAreaFilter(options.controlArea),
          ...(options.displacementArea
            ? {
                displacement: {
                  area: parseAreaFilter(options.displacementArea),
                  control: parseAreaFilter(options.displacementControlArea),
                },
              }
            : {}),
          before: range('--before', options.before),
          after: range('--after', options.after),
          categories: crimeCategories(options.category),
          forces: options.force,
          confidenceLevel,
          ...(options.harm ? { weights: categoryWeights(options.harm) } : {}),
        }),
      );
      return show(result.wdd, result.harm, result.counts, options, result.method);
    }
    const target = pair('--target', options.target);
    const control = pair('--control', options.control);
    if (!target || !control)
      throw usageError(
        'give --target and --control counts (before,after), or --target-area and --control-area to count from the warehouse',
      );
    const displacement = pair('--displacement', options.displacement);
    const displacementControl = pair('--displacement-control', options.displacementControl);
    if (!!displacement !== !!displacementControl)
      throw usageError('give both --displacement and --displacement-control, or neither');
    const { wdd } = await import('../../domain/stats/wdd.js');
    const result = wdd({
      target,
      control,
      ...(displacement ? { displacement: { area: displacement, control: displacementControl! } } : {}),
      confidenceLevel,
    });
    show(
      result,
      null,
      { target, control, displacement: displacement ?? null, displacementControl: displacementControl ?? null },
      options,
      'Weighted Displacement Difference (Wheeler & Ratcliffe 2018, Crime Science 7:11)',
    );
  });

function show(
  result: import('../../domain/stats/wdd.js').WddResult,
  harm: import('../../domain/stats/wdd-harm.js').HarmWddResult | null,
  counts: Record<string, { before: number; after: number } | null>,
  options: CommonOptions,
  method: string,
): void {
  if (wantsJson(options)) return printJson({ counts, wdd: result, harm, method });
  printTable(
    Object.entries(counts)
      .filter(([, c]) => c)
      .map(([area, c]) => ({ area, before: c!.before, after: c!.after, change: c!.after - c!.before })),
  );
  if (result.status !== 'ok') {
    process.stdout.write('\nNo crimes in any area in either period: nothing to test.\n');
    return;
  }
  const ci = result.confidenceInterval;
  const r = (x: number) => (Math.round(x * 100) / 100).toLocaleString('en-GB');
  process.stdout.write(
    `\nWDD ${r(result.total.estimate)} (standard error ${r(result.total.standardError)}), z = ${result.z.toFixed(2)}, p = ${result.pValue.toPrecision(3)}, ${Math.round(ci.level * 100)}% CI ${r(ci.lower)} to ${r(ci.upper)}\n`,
  );
  process.stdout.write(
    result.total.estimate < 0
      ? 'Crime fell in the target area relative to the control.\n'
      : 'Crime did not fall in the target area relative to the control.\n',
  );
  if (harm?.status === 'ok')
    process.stdout.write(
      `Harm-weighted WDD ${r(harm.total.estimate)} (standard error ${r(harm.total.standardError)})\n`,
    );
  note(`Method: ${method}`);
}
