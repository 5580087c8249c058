/**
 * ECharts as the UI uses it (the chart types and components of every chart specification in
 * src/charts, registered once) and the files a chart is downloaded as: PNG, SVG (rendered off
 * screen from the same specification the document uses) and the CSV of the table behind it.
 */
import * as echarts from 'echarts/core';
import { BarChart, GraphChart, HeatmapChart, LineChart, MapChart, ScatterChart } from 'echarts/charts';
import {
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { toCsv, type Column } from './DataTable';

echarts.use([
  BarChart,
  GraphChart,
  HeatmapChart,
  LineChart,
  MapChart,
  ScatterChart,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
  SVGRenderer,
]);

export { echarts };

export function saveFile(name: string, href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function saveSvg(fileName: string, option: Record<string, unknown>, width: number, height: number): void {
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
  chart.setOption(option as echarts.EChartsCoreOption);
  const text = chart.renderToSVGString();
  chart.dispose();
  saveFile(`${fileName}.svg`, URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' })));
}

export function savePng(fileName: string, chart: echarts.ECharts): void {
  saveFile(`${fileName}.png`, chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }));
}

export function saveCsv<R>(fileName: string, columns: readonly Column<R>[], rows: readonly R[]): void {
  saveFile(`${fileName}.csv`, URL.createObjectURL(new Blob([toCsv(columns, rows)], { type: 'text/csv' })));
}
