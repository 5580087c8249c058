/**
 * The network: investigations (or devices) joined by the identifiers they share, analysed with
 * graphology and its maintained metrics rather than hand-written graph code. Why these measures:
 * connected components say which investigations form one network; degree says who touches most;
 * betweenness finds the brokers (the number or investigation that bridges two groups, the usual
 * county-lines "line"); Louvain communities split a large component into its groups; a shortest
 * path answers "how is A connected to B". Decisions:
 * - The graph is bipartite: an entity node (investigation or device) and an identifier node, with
 *   an edge weighted by the records behind it; entities never link directly.
 * - By default only identifiers shared by two or more entities are drawn (a number seen once
 *   links nothing, and the network of 500 investigations stays readable and its betweenness
 *   cheap); `all` draws every identifier, which shortest paths use.
 * - Service numbers never join anything.
 * - Louvain is seeded, so the same data gives the same communities every time.
 * - Betweenness counts hops, not weights: an edge's weight is how often two met (a strength),
 *   which graphology would otherwise read as a distance.
 */
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { connectedComponents } from 'graphology-components';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import { isLinkable, type IdentifierKind } from './identifier.js';
import { identifierNode, type LinkRole, type Sighting } from './sightings.js';

/**
 * These two packages are CommonJS with `export default` in their types: Node's default import is
 * the function itself, TypeScript's is a namespace holding it. Take whichever is there.
 */
const cjs = <T>(m: { default: T }): T => (m as { default?: T }).default ?? (m as unknown as T);
const louvain = cjs(louvainModule);
const betweennessCentrality = cjs(betweennessModule);

export type NetworkLevel = 'investigation' | 'device';

export interface NetworkNode {
  /** `investigation:12`, `device:40`, `phone:+447700900123`. */
  readonly id: string;
  readonly type: 'investigation' | 'device' | IdentifierKind;
  readonly label: string;
  /** For a device, its investigation's reference. */
  readonly investigation?: string;
  readonly flagged?: boolean;
  readonly degree: number;
  /** Normalised betweenness centrality (0..1). */
  readonly betweenness: number;
  readonly community: number;
  readonly component: number;
}

export interface NetworkEdge {
  readonly source: string;
  readonly target: string;
  readonly weight: number;
  readonly roles: readonly LinkRole[];
}

export interface NetworkComponent {
  readonly id: number;
  readonly nodes: number;
  /** The entities (investigations or devices) in it. */
  readonly entities: readonly string[];
  readonly identifiers: number;
}

export interface Network {
  readonly level: NetworkLevel;
  readonly nodes: readonly NetworkNode[];
  readonly edges: readonly NetworkEdge[];
  /** Largest first. */
  readonly components: readonly NetworkComponent[];
  readonly communities: number;
  readonly modularity: number;
}

interface NodeAttrs {
  type: NetworkNode['type'];
  label: string;
  investigation?: string;
  flagged?: boolean;
}
interface EdgeAttrs {
  weight: number;
  roles: Set<LinkRole>;
}

export interface NetworkOptions {
  readonly level?: NetworkLevel;
  /** Draw identifiers seen by one entity only too (default false). */
  readonly all?: boolean;
}

const entityOf = (s: Sighting, level: NetworkLevel) =>
  level === 'investigation'
    ? { id: `investigation:${s.investigationId}`, type: 'investigation' as const, label: s.investigation }
    : { id: `device:${s.deviceId}`, type: 'device' as const, label: s.device, investigation: s.investigation };

/** The bipartite graph of entities and the identifiers they hold. */
export function buildGraph(
  sightings: readonly Sighting[],
  options: NetworkOptions = {},
): UndirectedGraph<NodeAttrs, EdgeAttrs> {
  const level = options.level ?? 'investigation';
  const linkable = sightings.filter(isLinkable);
  const holders = new Map<string, Set<string>>();
  for (const s of linkable) {
    const k = identifierNode(s);
    const set = holders.get(k) ?? new Set<string>();
    set.add(entityOf(s, level).id);
    holders.set(k, set);
  }
  const graph = new UndirectedGraph<NodeAttrs, EdgeAttrs>();
  for (const s of linkable) {
    const idNode = identifierNode(s);
    if (options.all !== true && (holders.get(idNode)?.size ?? 0) < 2) continue;
    const e = entityOf(s, level);
    if (!graph.hasNode(e.id))
      graph.addNode(e.id, {
        type: e.type,
        label: e.label,
        ...('investigation' in e ? { investigation: e.investigation } : {}),
      });
    if (!graph.hasNode(idNode)) graph.addNode(idNode, { type: s.kind, label: s.key, flagged: false });
    if (s.status === 'invalid') graph.setNodeAttribute(idNode, 'flagged', true);
    const edge = graph.edge(e.id, idNode);
    if (edge === undefined) graph.addEdge(e.id, idNode, { weight: s.count, roles: new Set([s.role]) });
    else {
      graph.updateEdgeAttribute(edge, 'weight', (w: number | undefined) => (w ?? 0) + s.count);
      graph.getEdgeAttribute(edge, 'roles').add(s.role);
    }
  }
  return graph;
}

/** A deterministic generator for Louvain (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Components, degree, betweenness and Louvain communities of the network of `sightings`. */
export function analyseNetwork(sightings: readonly Sighting[], options: NetworkOptions = {}): Network {
  const level = options.level ?? 'investigation';
  const graph = buildGraph(sightings, options);
  const components = connectedComponents(graph).sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
  const componentOf = new Map<string, number>();
  components.forEach((nodes, i) => nodes.forEach((n) => componentOf.set(n, i + 1)));
  const betweenness = graph.order > 2 ? betweennessCentrality(graph, { normalized: true, getEdgeWeight: null }) : {};
  const detailed =
    graph.size > 0
      ? louvain.detailed(graph, { getEdgeWeight: 'weight', rng: seeded(16) })
      : { communities: {} as Record<string, number>, count: 0, modularity: 0 };
  const nodes: NetworkNode[] = graph.mapNodes((id, a) => ({
    id,
    type: a.type,
    label: a.label,
    ...(a.investigation === undefined ? {} : { investigation: a.investigation }),
    ...(a.flagged === true ? { flagged: true } : {}),
    degree: graph.degree(id),
    betweenness: round(betweenness[id] ?? 0),
    community: (detailed.communities[id] ?? 0) + 1,
    component: componentOf.get(id) ?? 0,
  }));
  const edges: NetworkEdge[] = graph.mapEdges((_e, a, source, target) => ({
    source,
    target,
    weight: a.weight,
    roles: [...a.roles].sort(),
  }));
  const entity = (n: string) => n.startsWith('investigation:') || n.startsWith('device:');
  return {
    level,
    nodes: nodes.sort((a, b) => b.betweenness - a.betweenness || b.degree - a.degree || a.id.localeCompare(b.id)),
    edges,
    components: components.map((c, i) => ({
      id: i + 1,
      nodes: c.length,
      entities: c
        .filter(entity)
        .map((n) => graph.getNodeAttribute(n, 'label'))
        .sort(),
      identifiers: c.filter((n) => !entity(n)).length,
    })),
    communities: detailed.count,
    modularity: round(detailed.modularity),
  };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

export interface PathStep {
  readonly id: string;
  readonly type: NetworkNode['type'];
  readonly label: string;
}

/**
 * The shortest chain from one node to another (`investigation:3`, `phone:+44…`) through every
 * linkable identifier, or null when they are not connected. Unknown nodes give null too.
 */
export function shortestPath(
  sightings: readonly Sighting[],
  from: string,
  to: string,
  level: NetworkLevel = 'investigation',
): PathStep[] | null {
  const graph = buildGraph(sightings, { level, all: true });
  if (!graph.hasNode(from) || !graph.hasNode(to)) return null;
  const path = from === to ? [from] : bidirectional(graph, from, to);
  if (path === null) return null;
  return path.map((id) => ({
    id,
    type: graph.getNodeAttribute(id, 'type'),
    label: graph.getNodeAttribute(id, 'label'),
  }));
}
