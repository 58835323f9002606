// Panels that count the graph redraw after review decisions and a sync change its content, once per burst,
// and not for the attribute-by-attribute changes of filters and highlights.
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { AppEdgeAttributes, AppGraph, AppNodeAttributes } from '../../src/app/context.js';
import { onContentChange } from '../../src/app/graph/content-changes.js';

const attrs = (name: string) => ({ name, aliases: [], category: 'Economy' }) as unknown as AppNodeAttributes;

function setup() {
  const graph: AppGraph = new MultiDirectedGraph<AppNodeAttributes, AppEdgeAttributes>();
  graph.addNode('AUS', attrs('Australia'));
  graph.addNode('TWN', attrs('Chinese Taipei'));
  const queued: (() => void)[] = [];
  let calls = 0;
  const stop = onContentChange(
    graph,
    () => {
      calls++;
    },
    (run) => queued.push(run),
  );
  const flush = () => {
    for (const run of queued.splice(0)) run();
    return calls;
  };
  return { graph, flush, stop };
}

describe('onContentChange', () => {
  it('calls back once after a burst of added, dropped and replaced items', () => {
    const { graph, flush } = setup();
    graph.addNode('CAN', attrs('Canada'));
    graph.addDirectedEdgeWithKey('e1', 'CAN', 'AUS', {} as AppEdgeAttributes);
    graph.replaceNodeAttributes('TWN', attrs('中華台北'));
    graph.dropNode('AUS');
    expect(flush()).toBe(1);
    graph.mergeNodeAttributes('CAN', { name: 'Canada (CAN)' });
    expect(flush()).toBe(2);
  });

  it('ignores one attribute set or removed at a time (filters, highlights), and stops when told', () => {
    const { graph, flush, stop } = setup();
    graph.setNodeAttribute('AUS', 'hidden', true);
    graph.removeNodeAttribute('AUS', 'hidden');
    expect(flush()).toBe(0);
    stop();
    graph.addNode('CAN', attrs('Canada'));
    expect(flush()).toBe(0);
  });
});
