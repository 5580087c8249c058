/**
 * An ECharts drawing of link analysis data (the network, the timeline strip): drawn on a canvas,
 * with the figures in tables beside it for screen-reader and keyboard users. Why not the shared
 * Chart component: its CSV is written in the browser, and every export of seized-phone data must
 * go through the server, which audits it at its marking; these pages link to the server's CSV.
 */
import { useEffect, useRef } from 'react';
import { echarts } from '../../components/chart-files';

export function EChart({
  option,
  label,
  height,
  onClick,
}: {
  option: Record<string, unknown>;
  label: string;
  height: number;
  onClick?: (data: unknown) => void;
}) {
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
  useEffect(() => {
    const c = chart.current;
    if (c === undefined || onClick === undefined) return;
    const handler = (p: { data?: unknown }) => onClick(p.data);
    c.on('click', handler);
    return () => {
      c.off('click', handler);
    };
  }, [onClick]);
  return <div ref={box} role="img" aria-label={label} className="links-chart" style={{ width: '100%', height }} />;
}
