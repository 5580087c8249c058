import { describe, expect, it } from 'vitest';
import { analyseNetwork, shortestPath } from './network.js';
import type { Sighting } from './sightings.js';
import { crossReference } from './xref.js';

const s = (
  inv: number,
  dev: number,
  key: string,
  role: Sighting['role'],
  count = 1,
  at: string | null = null,
): Sighting => ({
  investigationId: inv,
  investigation: `OP-${inv}`,
  deviceId: dev,
  device: `D${dev}`,
  kind: 'phone',
  key,
  status: key === '999' ? 'service' : key.endsWith('0') ? 'invalid' : 'valid',
  role,
  count,
  first: at,
  last: at,
});

// Two groups: OP-1 and OP-2 share A; OP-3 and OP-4 share B; OP-2 and OP-3 share the broker C.
// Every investigation called 999 (never a link); X is on one phone only.
const world: Sighting[] = [
  s(1, 11, '+A1', 'contact'),
  s(1, 11, '+A1', 'callee', 3, '2024-01-02T00:00:00Z'),
  s(2, 21, '+A1', 'caller', 2, '2024-03-01T00:00:00Z'),
  s(2, 21, '+C1', 'contact'),
  s(3, 31, '+C1', 'owner'),
  s(3, 31, '+B1', 'callee'),
  s(4, 41, '+B1', 'contact'),
  s(4, 42, '+B1', 'owner'),
  s(1, 11, '+X1', 'contact'),
  s(5, 51, '+Z0', 'contact'),
  s(6, 61, '+Z0', 'contact'),
  ...[1, 2, 3, 4].map((i) => s(i, i * 10 + 1, '999', 'callee')),
];

describe('cross-reference', () => {
  it('lists identifiers in two or more investigations with counts, first and last seen, and roles', () => {
    const x = crossReference(world);
    expect(x.map((e) => e.key)).toEqual(['+B1', '+A1', '+C1', '+Z0']); // B1 is on three devices
    const a = x[1]!;
    expect(a).toMatchObject({
      investigations: 2,
      devices: 2,
      count: 6,
      first: '2024-01-02T00:00:00Z',
      last: '2024-03-01T00:00:00Z',
    });
    expect(a.roles).toEqual({ contact: 1, callee: 3, caller: 2 });
    expect(a.places.map((p) => [p.investigation, p.roles])).toEqual([
      ['OP-1', ['callee', 'contact']],
      ['OP-2', ['caller']],
    ]);
  });

  it('never cross-references a service number, and flags an invalid one', () => {
    expect(crossReference(world).some((e) => e.key === '999')).toBe(false);
    expect(crossReference(world).find((e) => e.key === '+Z0')?.flagged).toBe(true);
  });

  it('finds an identifier on two devices of one investigation when asked for devices', () => {
    expect(crossReference(world, { minInvestigations: 2, minDevices: Infinity }).map((e) => e.key)).not.toContain(
      '+X1',
    );
    const b = crossReference(world).find((e) => e.key === '+B1')!;
    expect([b.investigations, b.devices]).toEqual([2, 3]);
  });
});

describe('the network', () => {
  const net = analyseNetwork(world);

  it('joins investigations through shared identifiers only, in connected components', () => {
    expect(net.components.map((c) => c.entities)).toEqual([
      ['OP-1', 'OP-2', 'OP-3', 'OP-4'],
      ['OP-5', 'OP-6'],
    ]);
    expect(net.nodes.some((n) => n.id === 'phone:+X1' || n.id === 'phone:999')).toBe(false);
  });

  it('ranks the broker highest by betweenness, and splits the chain into Louvain communities', () => {
    expect(net.nodes[0]?.id).toBe('phone:+C1');
    const community = (id: string) => net.nodes.find((n) => n.id === id)!.community;
    expect(community('investigation:1')).toBe(community('investigation:2'));
    expect(community('investigation:1')).not.toBe(community('investigation:4'));
    expect(net.communities).toBeGreaterThanOrEqual(3);
    expect(analyseNetwork(world)).toEqual(net); // seeded: the same every time
  });

  it('gives degree per node and edge weights from the records behind them', () => {
    expect(net.nodes.find((n) => n.id === 'phone:+B1')?.degree).toBe(2);
    expect(net.edges.find((e) => e.source === 'investigation:1' && e.target === 'phone:+A1')).toMatchObject({
      weight: 4,
      roles: ['callee', 'contact'],
    });
  });

  it('draws devices instead of investigations when asked', () => {
    const d = analyseNetwork(world, { level: 'device' });
    expect(d.nodes.find((n) => n.id === 'device:42')).toMatchObject({ label: 'D42', investigation: 'OP-4' });
  });

  it('finds the shortest path between two investigations and between two numbers', () => {
    expect(shortestPath(world, 'investigation:1', 'investigation:4')?.map((p) => p.label)).toEqual([
      'OP-1',
      '+A1',
      'OP-2',
      '+C1',
      'OP-3',
      '+B1',
      'OP-4',
    ]);
    expect(shortestPath(world, 'phone:+X1', 'phone:+C1')?.length).toBe(5);
    expect(shortestPath(world, 'investigation:1', 'investigation:5')).toBeNull();
    expect(shortestPath(world, 'phone:999', 'investigation:1')).toBeNull();
  });
});

describe('betweenness', () => {
  it('counts hops, not record counts: a ring of two investigations and two numbers is symmetric', () => {
    const ring = [
      s(1, 11, '+P1', 'callee', 50),
      s(2, 21, '+P1', 'caller', 1),
      s(1, 11, '+Q1', 'contact'),
      s(2, 21, '+Q1', 'contact'),
    ];
    const b = analyseNetwork(ring).nodes.map((n) => n.betweenness);
    expect(new Set(b).size).toBe(1);
  });
});
