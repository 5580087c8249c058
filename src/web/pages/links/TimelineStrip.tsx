/**
 * A timeline drawn: one row per device, a mark per call or message at its time (calls as circles,
 * messages as diamonds, in two colours), so bursts and quiet spells show at a glance. The table
 * below it holds every record drawn.
 */
import { useMemo } from 'react';
import type { LinkEvent } from '../../../api/index.js';
import { EChart } from './EChart';

export function TimelineStrip({ events }: { events: readonly LinkEvent[] }) {
  const option = useMemo(() => {
    const timed = events.filter((e) => e.at !== null);
    const rows = [...new Set(timed.map((e) => `${e.investigation} / ${e.device}`))].sort();
    const series = (['call', 'message'] as const).map((type) => ({
      name: type === 'call' ? 'Calls' : 'Messages',
      type: 'scatter',
      symbol: type === 'call' ? 'circle' : 'diamond',
      symbolSize: 10,
      itemStyle: { color: type === 'call' ? '#0072B2' : '#D55E00', opacity: 0.75 },
      data: timed
        .filter((e) => e.type === type)
        .map((e) => ({ value: [e.at, `${e.investigation} / ${e.device}`], party: e.value, direction: e.direction })),
    }));
    return {
      animation: false,
      grid: { left: 160, right: 24, top: 32, bottom: 48 },
      legend: { top: 0 },
      tooltip: {
        formatter: (p: { seriesName: string; data: { value: [string, string]; party: string; direction: string } }) =>
          `${p.seriesName.slice(0, -1)} ${p.data.direction}, ${p.data.party}<br/>${p.data.value[0].replace('T', ' ').slice(0, 19)} UTC<br/>${p.data.value[1]}`,
      },
      xAxis: { type: 'time' },
      yAxis: { type: 'category', data: rows },
      series,
    };
  }, [events]);
  const devices = new Set(events.map((e) => e.deviceId)).size;
  return (
    <EChart
      option={option}
      height={140 + devices * 36}
      label={`Timeline of ${events.length} calls and messages on ${devices} device(s) (the table below gives each one)`}
    />
  );
}
