/**
 * Downloads of a chart drawn on the page as HTML (the heat map is a grid of buttons, for
 * keyboard use): the same chart specification the document uses, rendered off screen to PNG or
 * SVG, and the figures as CSV.
 */
import type { Column } from '../../../components/DataTable';
import { echarts, saveCsv, savePng, saveSvg } from '../../../components/chart-files';

export function SpecDownloads<R>({
  option,
  fileName,
  width,
  height,
  columns,
  rows,
  label,
}: {
  option: Record<string, unknown>;
  fileName: string;
  width: number;
  height: number;
  columns: readonly Column<R>[];
  rows: readonly R[];
  label: string;
}) {
  const png = () => {
    const box = document.createElement('div');
    box.style.cssText = `position:absolute;left:-10000px;top:0;width:${width}px;height:${height}px`;
    document.body.appendChild(box);
    const chart = echarts.init(box, undefined, { renderer: 'canvas', width, height });
    chart.setOption(option as echarts.EChartsCoreOption);
    savePng(fileName, chart);
    chart.dispose();
    box.remove();
  };
  const svg = () => saveSvg(fileName, option, width, height);
  const csv = () => saveCsv(fileName, columns, rows);
  return (
    <div className="chart-actions" role="group" aria-label={`Download the ${label}`}>
      <button type="button" className="secondary" onClick={csv}>
        Download CSV
      </button>
      <button type="button" className="secondary" onClick={png}>
        PNG
      </button>
      <button type="button" className="secondary" onClick={svg}>
        SVG
      </button>
    </div>
  );
}
