// The one object every part of the page receives: the graph, the renderer and the shared services around them.
// Panels talk to each other only through this (and the URL state), never by importing one another.
import type { MultiDirectedGraph } from 'graphology';
import type Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from '../model/types.js';
import type { ApiClient } from './api.js';
import type { DetailsLoader } from './details-loader.js';
import type { Lang } from './i18n.js';
import type { UrlStateStore } from './url-state.js';

/** Node attributes on the page: the model's plus what sigma draws with. */
export interface AppNodeAttributes extends NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  /** Set by the filters only; highlighting goes through reducers. */
  hidden?: boolean;
  /** Precomputed position, kept so the layout can be reset after a ForceAtlas2 run. */
  x0: number;
  y0: number;
}

export interface AppEdgeAttributes extends EdgeAttributes {
  /**
   * The edge's shape: 'line' (straight) or 'curved' (two nodes share several relationships). The reducer swaps
   * in the arrowhead programs where direction should show (reducers.ts's EDGE_ARROW_TYPE).
   */
  type: 'line' | 'curved';
  curvature: number;
  size: number;
  color: string;
  hidden?: boolean;
  /** Not drawn at overview in a large graph (reducers.ts's foldsAtOverview); a focus or zooming in shows it. */
  folded?: boolean;
}

export type AppGraph = MultiDirectedGraph<AppNodeAttributes, AppEdgeAttributes>;
export type AppSigma = Sigma<AppNodeAttributes, AppEdgeAttributes>;

export interface Highlight {
  nodes: string[];
  edges: string[];
}

export interface HighlightOptions {
  /** Show only the highlighted part (everything else disappears instead of being dimmed). */
  only?: boolean;
  /**
   * Who made it. A highlight made while the Cypher console is open belongs to it unless named otherwise, and
   * is cleared when the console closes or another node is selected; the path's ('path') stays.
   */
  source?: string;
}

export interface AppContext {
  /** The single graphology instance of the page. Filters set `hidden`; never rebuild it. */
  graph: AppGraph;
  sigma: AppSigma;
  readonly lang: Lang;
  /** Translated UI string; `{name}` placeholders are filled from vars. Unknown keys come back as the key. */
  t(key: string, vars?: Record<string, string | number>): string;
  /** Called after the language changed (UI strings and node labels); returns an unsubscribe function. */
  onLangChange(cb: (lang: Lang) => void): () => void;
  setLang(lang: Lang): void;
  /** Display name of a node in the current language (nameZh in Chinese when there is one). */
  nodeName(nodeId: string): string;
  /** Filters, selection, open tab, open query, language and camera: all of it lives in the URL. */
  state: UrlStateStore;
  /** Selects a node (opens its details) or clears the selection with null. */
  select(nodeId: string | null): void;
  /** Animates the camera to a node. */
  flyTo(nodeId: string): Promise<void>;
  /** Emphasises a set of nodes and edges and dims the rest; null clears it. */
  highlight(h: Highlight | null, opts?: HighlightOptions): void;
  api: ApiClient;
  /** Provenance and notes arrive on demand: await ensure() before reading `prov` or `note`. */
  details: DetailsLoader;
  /** Says something to screen readers through the page's aria-live region. */
  announce(msg: string): void;
}
