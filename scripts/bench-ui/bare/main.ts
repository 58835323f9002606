// The floor for the UI benchmark: the same graph from the same server, drawn by sigma with its defaults and
// nothing else, so the explorer's figures can be read as a ratio to what the renderer alone costs here.
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';

interface BareHandle {
  sigma?: Sigma;
  graph?: MultiDirectedGraph;
  drawn: Promise<void>;
  ready: Promise<void>;
}

declare global {
  interface Window {
    __bare?: BareHandle;
  }
}

// The explorer's sequence with nothing around it: fetch (preloaded by index.html, as the explorer's is), import,
// construct; sigma draws synchronously in its constructor, so "drawn" and "ready" are the same moment here.
async function main(handle: BareHandle): Promise<void> {
  const res = await fetch('/api/graph');
  const graph = new MultiDirectedGraph();
  graph.import(await res.json());
  const container = document.getElementById('graph') as HTMLElement;
  handle.sigma = new Sigma(graph, container);
  handle.graph = graph;
}

let resolveReady: () => void = () => {};
const ready = new Promise<void>((resolve) => {
  resolveReady = resolve;
});
const handle: BareHandle = { drawn: ready, ready };
window.__bare = handle;
void main(handle).then(() => resolveReady());
