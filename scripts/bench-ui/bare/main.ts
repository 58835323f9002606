// The floor for the UI benchmark: the same graph from the same server, drawn by sigma with its defaults and
// nothing else, so the explorer's figures can be read as a ratio to what the renderer alone costs here.
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';

interface BareHandle {
  sigma?: Sigma;
  graph?: MultiDirectedGraph;
  ready: Promise<void>;
}

declare global {
  interface Window {
    __bare?: BareHandle;
  }
}

// Same sequence as the explorer's main.ts: fetch, import, construct, then one refresh whose render ends "ready".
async function main(handle: BareHandle): Promise<void> {
  const res = await fetch('api/graph');
  const graph = new MultiDirectedGraph();
  graph.import(await res.json());
  const container = document.getElementById('graph') as HTMLElement;
  const sigma = new Sigma(graph, container);
  handle.sigma = sigma;
  handle.graph = graph;
  await new Promise<void>((resolve) => {
    sigma.once('afterRender', () => resolve());
    sigma.refresh();
  });
}

let resolveReady: () => void = () => {};
const handle: BareHandle = { ready: new Promise<void>((resolve) => (resolveReady = resolve)) };
window.__bare = handle;
void main(handle).then(() => resolveReady());
