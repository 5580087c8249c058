/**
 * A chart with the table behind it and downloads (CSV of the table, PNG, SVG). The chart is
 * drawn by ECharts from a specification in src/charts, the same one the document renders to SVG.
 * For screen-reader and keyboard users the table is the chart's text alternative.
 */
import { useEffect, useRef } from 'react';
import { DataTable, type Column } from './DataTable';
import { echarts, saveCsv, savePng, saveSvg } from './chart-files';
import { HelpLink } from './HelpLink';
import type { GlossaryId } from '../pages/help/glossary';

export interface ChartProps<R> {
  readonly title: string;
  readonly option: Record<string, unknown>;
  readonly columns: readonly Column<R>[];
  readonly rows: readonly R[];
  readonly fileName: string;
  readonly height?: number;
  /** Glossary entries that explain the figure (ids on the help page), one click away. */
  readonly help?: readonly GlossaryId[];
}

export function Chart<R>({ title, option, columns, rows, fileName, height = 360, help = [] }: ChartProps<R>) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);
  useEffect(() => {
    if (box.current === null) return;
    const c = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const resize = () => c.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      c.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option as echarts.EChartsCoreOption, true);
  }, [option]);
  const png = () => {
    if (chart.current !== undefined) savePng(fileName, chart.current);
  };
  const svg = () => saveSvg(fileName, option, box.current?.clientWidth ?? 800, height);
  const csv = () => saveCsv(fileName, columns, rows);
  return (
    <figure className="chart">
      <div
        ref={box}
        role="img"
        aria-label={`${title} (the table below gives the figures)`}
        style={{ width: '100%', height }}
      />
      <figcaption className="chart-actions">
        <span className="sr-only">{title}</span>
        <button type="button" onClick={csv}>
          Download CSV
        </button>
        <button type="button" onClick={png}>
          PNG
        </button>
        <button type="button" onClick={svg}>
          SVG
        </button>
        {help.map((id) => (
          <HelpLink key={id} id={id} />
        ))}
      </figcaption>
      <details>
        <summary>Table behind this chart</summary>
        <DataTable caption={title} columns={columns} rows={rows} />
      </details>
    </figure>
  );
}
