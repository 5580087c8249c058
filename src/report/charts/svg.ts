/**
 * Charts drawn on the server: a shared ECharts specification rendered to an SVG string with
 * ECharts' server-side renderer (no DOM, no browser), animation off, so the document carries the
 * chart itself and needs no script or network to show it. The SVG keeps its viewBox and gets a
 * title for screen readers; its fixed width and height are dropped so it scales to the page.
 */
import * as echarts from 'echarts/core';
import { AxisBreak, LabelLayout, LegacyGridContainLabel, ScatterJitter } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
// Only what the document's charts use (src/charts' specifications), each registering itself, and
// the parts of the full build that change a drawing without being named in it (the drawings are
// byte for byte those of the full build: src/report/report.e2e.test.ts). The whole of ECharts, or
// its 'echarts/charts' and 'echarts/components' lists, cost about 0.75 s of CPU at every
// `stra report`'s start; these about 0.5 s.
import 'echarts/lib/chart/bar';
import 'echarts/lib/chart/heatmap';
import 'echarts/lib/chart/line';
import 'echarts/lib/chart/map';
import 'echarts/lib/chart/scatter';
import 'echarts/lib/component/aria';
import 'echarts/lib/component/axisPointer';
import 'echarts/lib/component/dataset';
import 'echarts/lib/component/graphic';
import 'echarts/lib/component/grid';
import 'echarts/lib/component/legend';
import 'echarts/lib/component/markArea';
import 'echarts/lib/component/markLine';
import 'echarts/lib/component/markPoint';
import 'echarts/lib/component/title';
import 'echarts/lib/component/tooltip';
import 'echarts/lib/component/transform';
import 'echarts/lib/component/visualMap';

echarts.use([LabelLayout, LegacyGridContainLabel, ScatterJitter, AxisBreak, SVGRenderer]);

export function chartSvg(option: Record<string, unknown>, width: number, height: number, title: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    const svg = chart.renderToSVGString();
    return svg.replace(
      /^<svg width="[^"]*" height="[^"]*"/,
      `<svg role="img" aria-label="${escapeAttr(title)}" preserveAspectRatio="xMidYMid meet"`,
    );
  } finally {
    chart.dispose();
  }
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
