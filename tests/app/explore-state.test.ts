// The exploration's pure state model: what a node's context menu offers, expanding, collapsing with pins,
// removing, and the address form a link restores.
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  addNode,
  canCollapse,
  collapse,
  decodeExploration,
  type Exploration,
  encodeExploration,
  expand,
  expansionOptions,
  removeNode,
  revealedThrough,
  sanitize,
  startExploration,
  togglePin,
} from '../../src/app/explore/state.js';

function fixture() {
  const g = new MultiDirectedGraph<Record<string, never>, { relType: string }>();
  for (const n of ['TWN', 'KOR', 'JPN', 'mtg-a', 'mtg-b', 'p1', 'p2', 'cbpr']) g.addNode(n);
  const edge = (from: string, type: string, to: string) =>
    g.addDirectedEdgeWithKey(`${from}|${type}|${to}|${g.size}`, from, to, { relType: type });
  edge('TWN', 'ATTENDED', 'mtg-a');
  edge('TWN', 'ATTENDED', 'mtg-b');
  edge('KOR', 'ATTENDED', 'mtg-a');
  edge('TWN', 'LEADS', 'p1');
  edge('TWN', 'LEADS', 'p1');
  edge('KOR', 'LEADS', 'p2');
  edge('KOR', 'ASKED', 'TWN');
  edge('JPN', 'ASKED', 'TWN');
  edge('TWN', 'PARTICIPATES_IN', 'cbpr');
  edge('JPN', 'PARTICIPATES_IN', 'cbpr');
  return g;
}

const ids = (xp: Exploration | null) => (xp ? [...xp.shown.keys()].sort() : null);

describe('exploration state', () => {
  it('starts with the root alone', () => {
    const xp = startExploration('TWN');
    expect(ids(xp)).toEqual(['TWN']);
    expect(xp.shown.get('TWN')).toBeNull();
    expect(xp.pinned.size).toBe(0);
  });

  it('groups a node’s neighbours by type and direction, outgoing first, counting those not shown', () => {
    const g = fixture();
    const xp = expand(startExploration('TWN'), 'TWN', ['mtg-a']);
    const opts = expansionOptions(g, xp, 'TWN');
    expect(opts.groups.map((o) => [o.out ? '→' : '←', o.relType, o.hidden.length, o.total])).toEqual([
      ['→', 'ATTENDED', 1, 2],
      // Two LEADS relationships to p1 are one neighbour.
      ['→', 'LEADS', 1, 1],
      ['→', 'PARTICIPATES_IN', 1, 1],
      ['←', 'ASKED', 2, 2],
    ]);
    expect(opts.groups[0]?.hidden).toEqual(['mtg-b']);
    expect(opts.all.sort()).toEqual(['JPN', 'KOR', 'cbpr', 'mtg-b', 'p1']);
  });

  it('leaves out what the filters hide', () => {
    const g = fixture();
    const opts = expansionOptions(g, startExploration('TWN'), 'TWN', {
      node: (n) => n !== 'KOR',
      edge: (e) => !e.includes('|LEADS|'),
    });
    expect(opts.groups.map((o) => `${o.relType}:${o.hidden.join('+')}`)).toEqual([
      'ATTENDED:mtg-a+mtg-b',
      'PARTICIPATES_IN:cbpr',
      'ASKED:JPN',
    ]);
  });

  it('expands through a node and keeps where already shown nodes came from', () => {
    let xp = expand(startExploration('TWN'), 'TWN', ['mtg-a', 'mtg-b']);
    xp = expand(xp, 'mtg-a', ['KOR', 'TWN']);
    expect(ids(xp)).toEqual(['KOR', 'TWN', 'mtg-a', 'mtg-b']);
    expect(xp.shown.get('KOR')).toBe('mtg-a');
    expect(xp.shown.get('TWN')).toBeNull();
    // Nothing new: the same value, so no history entry is made for it.
    expect(expand(xp, 'TWN', ['mtg-a'])).toBe(xp);
  });

  it('collapses what came through a node, recursively, but keeps pinned nodes', () => {
    let xp = expand(startExploration('TWN'), 'TWN', ['mtg-a', 'p1']);
    xp = expand(xp, 'mtg-a', ['KOR']);
    xp = expand(xp, 'KOR', ['p2']);
    expect(revealedThrough(xp, 'TWN').sort()).toEqual(['KOR', 'mtg-a', 'p1', 'p2']);
    xp = togglePin(xp, 'KOR');
    expect(canCollapse(xp, 'TWN')).toBe(true);
    const collapsed = collapse(xp, 'TWN');
    expect(ids(collapsed)).toEqual(['KOR', 'TWN']);
    expect(collapsed.shown.get('KOR')).toBe('TWN');
    expect(collapsed.pinned.has('KOR')).toBe(true);
    // The pinned node stays on a second collapse, and there is nothing else to collapse.
    expect(canCollapse(collapsed, 'TWN')).toBe(false);
    expect(collapse(collapsed, 'TWN')).toBe(collapsed);
    // A node nothing came through has nothing to collapse.
    expect(canCollapse(xp, 'p1')).toBe(false);
  });

  it('removes a node, handing what came through it to its own origin, and ends when nothing is left', () => {
    let xp = expand(startExploration('TWN'), 'TWN', ['mtg-a']);
    xp = expand(xp, 'mtg-a', ['KOR']);
    xp = togglePin(xp, 'mtg-a');
    const removed = removeNode(xp, 'mtg-a');
    expect(ids(removed)).toEqual(['KOR', 'TWN']);
    expect(removed?.shown.get('KOR')).toBe('TWN');
    expect(removed?.pinned.has('mtg-a')).toBe(false);
    expect(removeNode(startExploration('TWN'), 'TWN')).toBeNull();
    // The root can go while others stay; the banner still names it.
    const noRoot = removeNode(xp, 'TWN');
    expect(noRoot?.root).toBe('TWN');
    expect(noRoot?.shown.get('mtg-a')).toBeNull();
  });

  it('adds a starting point and toggles pins only on shown nodes', () => {
    const xp = addNode(startExploration('TWN'), 'JPN');
    expect(xp.shown.get('JPN')).toBeNull();
    expect(togglePin(xp, 'KOR')).toBe(xp);
    expect(togglePin(togglePin(xp, 'JPN'), 'JPN').pinned.size).toBe(0);
  });

  it('round-trips through the address form', () => {
    let xp = expand(startExploration('TWN'), 'TWN', ['mtg-a', 'p1.x']);
    xp = expand(xp, 'mtg-a', ['KOR_2']);
    xp = togglePin(xp, 'KOR_2');
    const text = encodeExploration(xp);
    expect(text).toBe('TWN!TWN,mtg-a~TWN,p1.x~TWN,KOR_2~mtg-a!KOR_2');
    const back = decodeExploration(text);
    expect(back && encodeExploration(back)).toBe(text);
    expect(back?.shown.get('KOR_2')).toBe('mtg-a');
    expect(encodeExploration(null)).toBe('');
  });

  it('refuses text that is not an exploration, and repairs parents and pins that are not shown', () => {
    for (const bad of ['', '!TWN', 'TWN', 'TWN!', 'TW N!TWN', 'TWN!a~b~c', 'TWN!a,b!c!d', 'TWN!<x>']) {
      expect(decodeExploration(bad), bad).toBeUndefined();
    }
    const xp = decodeExploration('TWN!TWN,KOR~JPN!KOR,USA');
    expect(xp?.shown.get('KOR')).toBeNull();
    expect([...(xp?.pinned ?? [])]).toEqual(['KOR']);
  });

  it('drops ids the graph does not have', () => {
    const g = fixture();
    const xp = decodeExploration('TWN!TWN,gone~TWN,KOR~gone,p1~TWN!gone') as Exploration;
    const clean = sanitize(xp, (n) => g.hasNode(n));
    expect(ids(clean)).toEqual(['KOR', 'TWN', 'p1']);
    expect(clean?.shown.get('KOR')).toBeNull();
    expect(clean?.pinned.size).toBe(0);
    const ok = decodeExploration('TWN!TWN,p1~TWN') as Exploration;
    expect(sanitize(ok, (n) => g.hasNode(n))).toBe(ok);
    expect(sanitize(decodeExploration('zz!zz') as Exploration, (n) => g.hasNode(n))).toBeNull();
  });
});
