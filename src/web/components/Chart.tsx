/**
 * A chart with the table behind it and downloads (CSV of the table, PNG, SVG). The chart is
 * drawn by ECharts from a specification in src/charts, the same one the document renders to SVG.
 * For screen-reader and keyboard users the table is the chart's text alternative.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { DataTable, toCsv, type Column } from './DataTable';

echarts.use([BarChart, HeatmapChart, LineChart, ScatterChart, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent, CanvasRenderer, SVGRenderer]);

export interface ChartProps<R> {
  readonly title: string;
  readonly option: Record<string, unknown>;
  readonly columns: readonly Column<R>[];
  readonly rows: readonly R[];
  readonly fileName: string;
  readonly height?: number;
}

function download(name: string, href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function Chart<R>({ title, option, columns, rows, fileName, height = 360 }: ChartProps<R>) {
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
  const savePng = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (url !== undefined) download(`${fileName}.png`, url);
  };
  const saveSvg = () => {
    const width = box.current?.clientWidth ?? 800;
    const svg = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
    svg.setOption(option as echarts.EChartsCoreOption);
    const text = svg.renderToSVGString();
    svg.dispose();
    download(`${fileName}.svg`, URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' })));
  };
  const saveCsv = () => download(`${fileName}.csv`, URL.createObjectURL(new Blob([toCsv(columns, rows)], { type: 'text/csv' })));
  return (
    <figure className="chart">
      <div ref={box} role="img" aria-label={`${title} (the table below gives the figures)`} style={{ width: '100%', height }} />
      <figcaption className="chart-actions">
        <span className="sr-only">{title}</span>
        <button type="button" onClick={saveCsv}>Download CSV</button>
        <button type="button" onClick={savePng}>PNG</button>
        <button type="button" onClick={saveSvg}>SVG</button>
      </figcaption>
      <details>
        <summary>Table behind this chart</summary>
        <DataTable caption={title} columns={columns} rows={rows} />
      </details>
    </figure>
  );
}
