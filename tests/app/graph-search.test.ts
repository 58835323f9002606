// The page's search follows the graph: nodes added, dropped or renamed by review decisions and a sync are
// found (or no longer found) by the next search, without a reload.
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { AppEdgeAttributes, AppGraph, AppNodeAttributes } from '../../src/app/context.js';
import { createGraphSearch } from '../../src/app/search/graph-search.js';

function node(name: string, aliases: string[] = []): AppNodeAttributes {
  return { name, aliases, category: 'Meeting', x: 0, y: 0 } as unknown as AppNodeAttributes;
}

function graphOf(): AppGraph {
  const g: AppGraph = new MultiDirectedGraph<AppNodeAttributes, AppEdgeAttributes>();
  g.addNode('mtg-dps-50', node('50th Data Privacy Sub-Group Meeting', ['DPS 50']));
  return g;
}

const ids = (g: AppGraph, q: string) =>
  createGraphSearch(g)
    .search(q)
    .map((h) => h.id);

describe('createGraphSearch', () => {
  it('finds a node added after the first search, and no longer finds a dropped one', () => {
    const g = graphOf();
    expect(ids(g, 'DPS')).toEqual(['mtg-dps-50']);
    g.addNode('mtg-dps-51', node('51st Data Privacy Sub-Group Meeting', ['DPS 51']));
    expect(ids(g, 'DPS 51')).toEqual(['mtg-dps-51']);
    g.dropNode('mtg-dps-50');
    expect(ids(g, 'DPS 50')).toEqual([]);
  });

  it('follows a renamed node and its aliases, whichever way the attributes are changed', () => {
    const g = graphOf();
    expect(ids(g, 'Fiftieth')).toEqual([]);
    g.replaceNodeAttributes('mtg-dps-50', node('Fiftieth DPS meeting'));
    expect(ids(g, 'Fiftieth')).toEqual(['mtg-dps-50']);
    expect(ids(g, 'Sub-Group')).toEqual([]);
    g.setNodeAttribute('mtg-dps-50', 'aliases', ['DPS L']);
    expect(ids(g, 'DPS L')).toEqual(['mtg-dps-50']);
  });

  it('is one index per graph, shared by every search box', () => {
    const g = graphOf();
    expect(createGraphSearch(g)).toBe(createGraphSearch(g));
  });
});
