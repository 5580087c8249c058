/**
 * The network drawn: investigations (or devices) as squares, the identifiers they share as
 * circles sized by betweenness (the brokers stand out), coloured by Louvain community, edges as
 * thick as the records behind them. Laid out by ECharts' force layout, run to rest before it is
 * shown (no animation), so the drawing does not move while it is read. Entities are always
 * labelled; identifiers when the network is small or they broker (betweenness above zero). A
 * shortest path, when one was asked for, is drawn in a heavy dark line over the rest.
 */
import { plural } from '../../../domain/plural.js';
import { useMemo } from 'react';
import type { LinkNetwork } from '../../../api/index.js';
import { EChart } from './EChart';

/** Colour-blind-safe palette (Okabe-Ito), repeated for more communities; shape and labels carry the rest. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

const entity = (type: string) => type === 'investigation' || type === 'device';

export function networkOption(net: LinkNetwork, path: readonly string[] = []): Record<string, unknown> {
  const onPath = new Set(path);
  const pathEdges = new Set(path.slice(1).map((id, i) => [path[i], id].sort().join('\u0000')));
  const small = net.nodes.length <= 60;
  const communities = [...new Set(net.nodes.map((n) => n.community))].sort((a, b) => a - b);
  const maxWeight = Math.max(1, ...net.edges.map((e) => e.weight));
  return {
    animation: false,
    tooltip: {
      formatter: (p: { dataType: string; data: Record<string, unknown> }) =>
        p.dataType === 'node'
          ? `${String(p.data['name'])} (${String(p.data['kind'])})<br/>degree ${String(p.data['degree'])}, betweenness ${Number(p.data['betweenness']).toFixed(3)}<br/>community ${String(p.data['community'])}, component ${String(p.data['componentId'])}`
          : `${String(p.data['weight'])} record(s): ${String(p.data['roles'])}`,
    },
    legend: {
      data: communities.map((c) => `Community ${c}`),
      type: 'scroll',
      bottom: 0,
    },
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        force: small
          ? { repulsion: 900, edgeLength: [110, 200], gravity: 0.04, layoutAnimation: false }
          : { repulsion: 90, edgeLength: [20, 60], gravity: 0.08, layoutAnimation: false },
        categories: communities.map((c, i) => ({
          name: `Community ${c}`,
          itemStyle: { color: PALETTE[i % PALETTE.length] },
        })),
        emphasis: { focus: 'adjacency', lineStyle: { width: 4 } },
        labelLayout: { hideOverlap: true },
        data: net.nodes.map((n) => {
          const big = entity(n.type);
          return {
            id: n.id,
            name: n.label,
            kind: n.type,
            degree: n.degree,
            betweenness: n.betweenness,
            community: n.community,
            componentId: n.component,
            category: communities.indexOf(n.community),
            symbol: big ? 'rect' : 'circle',
            symbolSize: big ? 26 : 8 + Math.round(22 * Math.sqrt(n.betweenness)),
            itemStyle: onPath.has(n.id)
              ? { borderColor: '#111', borderWidth: 4 }
              : { borderColor: '#fff', borderWidth: 1 },
            label: {
              show: big || small || n.betweenness > 0 || onPath.has(n.id),
              position: 'right',
              fontSize: big ? 13 : 11,
              fontWeight: big ? 'bold' : 'normal',
              color: '#1b1b1b',
            },
          };
        }),
        links: net.edges.map((e) => {
          const hot = pathEdges.has([e.source, e.target].sort().join('\u0000'));
          return {
            source: e.source,
            target: e.target,
            weight: e.weight,
            roles: e.roles.join(', '),
            lineStyle: hot
              ? { color: '#111', width: 5, opacity: 1 }
              : { color: '#8a8a8a', width: 1 + 4 * Math.sqrt(e.weight / maxWeight), opacity: 0.7 },
          };
        }),
      },
    ],
  };
}

export function NetworkView({ net, path }: { net: LinkNetwork; path?: readonly string[] }) {
  const option = useMemo(() => networkOption(net, path), [net, path]);
  const entities = net.nodes.filter((n) => entity(n.type)).length;
  return (
    <EChart
      option={option}
      height={Math.min(720, 360 + net.nodes.length * 3)}
      label={`Network of ${entities} ${net.level === 'device' ? 'devices' : 'investigations'} and ${net.nodes.length - entities} shared identifiers in ${plural(net.components.length, 'component')} (the tables below give every node)`}
    />
  );
}
