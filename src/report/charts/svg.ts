/**
 * Charts drawn on the server: a shared ECharts specification rendered to an SVG string with
 * ECharts' server-side renderer (no DOM, no browser), animation off, so the document carries the
 * chart itself and needs no script or network to show it. The SVG keeps its viewBox and gets a
 * title for screen readers; its fixed width and height are dropped so it scales to the page.
 */
import * as echarts from 'echarts';

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
