/**
 * Downloads of a chart drawn on the page as HTML (the heat map is a grid of buttons, for
 * keyboard use): the same chart specification the document uses, rendered off screen to PNG or
 * SVG, and the figures as CSV.
 */
import * as echarts from 'echarts/core';
import { HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { toCsv, type Column } from '../../../components/DataTable';

echarts.use([HeatmapChart, LineChart, ScatterChart, GraphicComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent, CanvasRenderer, SVGRenderer]);

function save(name: string, href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function SpecDownloads<R>({ option, fileName, width, height, columns, rows, label }: {
  option: Record<string, unknown>; fileName: string; width: number; height: number; columns: readonly Column<R>[]; rows: readonly R[]; label: string;
}) {
  const png = () => {
    const box = document.createElement('div');
    box.style.cssText = `position:absolute;left:-10000px;top:0;width:${width}px;height:${height}px`;
    document.body.appendChild(box);
    const chart = echarts.init(box, undefined, { renderer: 'canvas', width, height });
    chart.setOption(option as echarts.EChartsCoreOption);
    const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    chart.dispose();
    box.remove();
    save(`${fileName}.png`, url);
  };
  const svg = () => {
    const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
    chart.setOption(option as echarts.EChartsCoreOption);
    const text = chart.renderToSVGString();
    chart.dispose();
    save(`${fileName}.svg`, URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' })));
  };
  const csv = () => save(`${fileName}.csv`, URL.createObjectURL(new Blob([toCsv(columns, rows)], { type: 'text/csv' })));
  return (
    <div className="chart-actions" role="group" aria-label={`Download the ${label}`}>
      <button type="button" className="secondary" onClick={csv}>Download CSV</button>
      <button type="button" className="secondary" onClick={png}>PNG</button>
      <button type="button" className="secondary" onClick={svg}>SVG</button>
    </div>
  );
}
