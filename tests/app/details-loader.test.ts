// The on-demand details: fetched once, in batches, merged under the usual attribute names.
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { DetailsResponse } from '../../src/app/api.js';
import type { AppGraph } from '../../src/app/context.js';
import { createDetailsLoader } from '../../src/app/details-loader.js';

function graph(n: number): AppGraph {
  const g = new MultiDirectedGraph() as unknown as AppGraph;
  for (let i = 0; i < n; i += 1) g.addNode(`n${i}`, { prov: [] } as never);
  g.addEdgeWithKey('e0', 'n0', 'n1', { prov: [] } as never);
  return g;
}

describe('details loader', () => {
  it('fetches what is missing once, in batches, and merges prov and note', async () => {
    const g = graph(1000);
    const calls: [number, number][] = [];
    const api = {
      async details(nodes: string[], edges: string[]): Promise<DetailsResponse> {
        calls.push([nodes.length, edges.length]);
        const d = (id: string) => [
          id,
          { prov: [{ source: 's', section: '1', quote: `q ${id}` }], note: `note ${id}` },
        ];
        return { nodes: Object.fromEntries(nodes.map(d)), edges: Object.fromEntries(edges.map(d)) };
      },
    };
    const loader = createDetailsLoader(api, g);
    const all = g.nodes();
    await Promise.all([loader.ensure({ nodes: all, edges: ['e0'] }), loader.ensure({ nodes: ['n1', 'n2'] })]);
    // 1001 ids in batches of at most 400, and the second call waited for the first instead of asking again.
    expect(calls.map(([a, b]) => a + b)).toEqual([400, 400, 201]);
    expect(g.getNodeAttribute('n999', 'note')).toBe('note n999');
    expect(g.getEdgeAttribute('e0', 'prov')[0]?.quote).toBe('q e0');
    expect(loader.has('node', 'n5')).toBe(true);
    await loader.ensure({ nodes: ['n5'], edges: ['e0'] });
    expect(calls).toHaveLength(3);
  });

  it('does not ask again for ids the server does not know', async () => {
    let asked = 0;
    const loader = createDetailsLoader(
      {
        async details() {
          asked += 1;
          return { nodes: {}, edges: {} };
        },
      },
      graph(2),
    );
    await loader.ensure({ nodes: ['ghost'] });
    await loader.ensure({ nodes: ['ghost'] });
    expect(asked).toBe(1);
  });
});
