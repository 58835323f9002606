// Exploring from one node (Bloom-style): which nodes are shown, through which node each came into view, and
// which are pinned. Pure and immutable, so a step is a new value the URL can hold and Back can return to.

export interface Exploration {
  /** The node the exploration started from (named in the banner even after it was removed). */
  readonly root: string;
  /**
   * Shown nodes in the order they came, each with the node it was revealed through; null for a starting
   * point (the root, a node added by search or selection).
   */
  readonly shown: ReadonlyMap<string, string | null>;
  readonly pinned: ReadonlySet<string>;
}

/** What the model needs from a graph: every relationship of a node (graphology's forEachEdge satisfies it). */
export interface EdgeSource {
  forEachEdge(
    node: string,
    cb: (edge: string, attrs: { relType: string }, source: string, target: string) => void,
  ): void;
}

/** Which nodes and relationships the filters allow; exploration never shows what they hide. */
export interface Allowed {
  node(node: string): boolean;
  edge(edge: string): boolean;
}

export const ALLOW_ALL: Allowed = { node: () => true, edge: () => true };

export interface ExpansionGroup {
  relType: string;
  /** true: the node is the relationship's source (→), false: its target (←). */
  out: boolean;
  /** Neighbours through this type and direction that are not shown yet, in edge order. */
  hidden: string[];
  /** Every neighbour through this type and direction the filters allow. */
  total: number;
}

export interface ExpansionOptions {
  groups: ExpansionGroup[];
  /** Every neighbour not shown yet, whatever the type. */
  all: string[];
}

export function startExploration(root: string): Exploration {
  return { root, shown: new Map([[root, null]]), pinned: new Set() };
}

export function isShown(xp: Exploration | null, node: string): boolean {
  return !!xp && xp.shown.has(node);
}

/** The node's neighbours grouped by relationship type and direction, with those not shown yet. */
export function expansionOptions(
  graph: EdgeSource,
  xp: Exploration,
  node: string,
  allowed: Allowed = ALLOW_ALL,
): ExpansionOptions {
  const groups = new Map<string, { g: ExpansionGroup; seen: Set<string> }>();
  const all: string[] = [];
  const inAll = new Set<string>();
  graph.forEachEdge(node, (edge, attrs, source, target) => {
    const other = source === node ? target : source;
    if (other === node || !allowed.edge(edge) || !allowed.node(other)) return;
    const out = source === node;
    const key = `${out ? '>' : '<'}${attrs.relType}`;
    let entry = groups.get(key);
    if (!entry) {
      entry = { g: { relType: attrs.relType, out, hidden: [], total: 0 }, seen: new Set() };
      groups.set(key, entry);
    }
    // Two relationships of one type to the same node (a parallel pair) count that neighbour once.
    if (entry.seen.has(other)) return;
    entry.seen.add(other);
    entry.g.total += 1;
    if (xp.shown.has(other)) return;
    entry.g.hidden.push(other);
    if (!inAll.has(other)) {
      inAll.add(other);
      all.push(other);
    }
  });
  const sorted = [...groups.values()]
    .map((e) => e.g)
    .sort((a, b) => Number(b.out) - Number(a.out) || a.relType.localeCompare(b.relType));
  return { groups: sorted, all };
}

/** Shows `nodes` as revealed through `through`; already shown ones keep where they came from. */
export function expand(xp: Exploration, through: string, nodes: readonly string[]): Exploration {
  const fresh = nodes.filter((n) => !xp.shown.has(n));
  if (fresh.length === 0) return xp;
  const shown = new Map(xp.shown);
  for (const n of fresh) shown.set(n, through);
  return { ...xp, shown };
}

/** Adds a node as a starting point of its own (chosen in search or in the details panel). */
export function addNode(xp: Exploration, node: string): Exploration {
  if (xp.shown.has(node)) return xp;
  const shown = new Map(xp.shown);
  shown.set(node, null);
  return { ...xp, shown };
}

function childrenOf(xp: Exploration): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const [n, parent] of xp.shown) {
    if (parent === null) continue;
    const list = children.get(parent);
    if (list) list.push(n);
    else children.set(parent, [n]);
  }
  return children;
}

/** Every node revealed through `node`, directly or through one revealed through it, and so on. */
export function revealedThrough(xp: Exploration, node: string): string[] {
  const children = childrenOf(xp);
  const out: string[] = [];
  const stack = [...(children.get(node) ?? [])];
  const seen = new Set<string>([node]);
  while (stack.length) {
    const n = stack.pop() as string;
    if (seen.has(n)) continue;
    seen.add(n);
    out.push(n);
    stack.push(...(children.get(n) ?? []));
  }
  return out;
}

/** Whether collapsing the node would hide anything. */
export function canCollapse(xp: Exploration, node: string): boolean {
  return revealedThrough(xp, node).some((n) => !xp.pinned.has(n));
}

/**
 * Hides what was revealed through the node (and through those, in turn), except pinned nodes: they stay,
 * now counted as revealed through the collapsed node, so a later collapse leaves them too.
 */
export function collapse(xp: Exploration, node: string): Exploration {
  const below = revealedThrough(xp, node);
  if (!below.some((n) => !xp.pinned.has(n))) return xp;
  const drop = new Set(below.filter((n) => !xp.pinned.has(n)));
  const shown = new Map<string, string | null>();
  for (const [n, parent] of xp.shown) {
    if (drop.has(n)) continue;
    shown.set(n, parent !== null && drop.has(parent) ? node : parent);
  }
  return { ...xp, shown };
}

/**
 * Takes the node out of the exploration; what came through it now counts as coming through its own origin.
 * Null when nothing would be left: the exploration is over.
 */
export function removeNode(xp: Exploration, node: string): Exploration | null {
  if (!xp.shown.has(node)) return xp;
  if (xp.shown.size === 1) return null;
  const origin = xp.shown.get(node) ?? null;
  const shown = new Map<string, string | null>();
  for (const [n, parent] of xp.shown) {
    if (n === node) continue;
    shown.set(n, parent === node ? origin : parent);
  }
  const pinned = new Set(xp.pinned);
  pinned.delete(node);
  return { ...xp, shown, pinned };
}

export function togglePin(xp: Exploration, node: string): Exploration {
  if (!xp.shown.has(node)) return xp;
  const pinned = new Set(xp.pinned);
  if (pinned.has(node)) pinned.delete(node);
  else pinned.add(node);
  return { ...xp, pinned };
}

/** Drops ids the graph does not have (an outdated link); null when nothing shown is left. */
export function sanitize(xp: Exploration, hasNode: (node: string) => boolean): Exploration | null {
  const shown = new Map<string, string | null>();
  for (const [n, parent] of xp.shown) {
    if (hasNode(n)) shown.set(n, parent !== null && hasNode(parent) ? parent : null);
  }
  if (shown.size === 0) return null;
  // A parent that is no longer shown leaves its children as starting points.
  for (const [n, parent] of shown) if (parent !== null && !shown.has(parent)) shown.set(n, null);
  const pinned = new Set([...xp.pinned].filter((n) => shown.has(n)));
  const unchanged = shown.size === xp.shown.size && pinned.size === xp.pinned.size && hasNode(xp.root);
  if (unchanged && [...shown].every(([n, p]) => xp.shown.get(n) === p)) return xp;
  return { root: hasNode(xp.root) ? xp.root : ([...shown.keys()][0] as string), shown, pinned };
}

// The address form: `root!a,b~a,c~a!b`: the root, the shown nodes (`~` names the node each came through),
// then the pinned ones. Node ids are letters, digits, `_`, `.` and `-` (src/model/schema.ts), so the separators
// never occur inside one.
const ID = /^[A-Za-z0-9_.-]+$/;

export function encodeExploration(xp: Exploration | null): string {
  if (!xp) return '';
  const shown = [...xp.shown].map(([n, parent]) => (parent === null ? n : `${n}~${parent}`)).join(',');
  const pinned = [...xp.pinned].filter((n) => xp.shown.has(n)).join(',');
  return `${xp.root}!${shown}${pinned ? `!${pinned}` : ''}`;
}

/** Undefined for text that is not an exploration (the view then starts without one). */
export function decodeExploration(raw: string): Exploration | undefined {
  const [root, shownText = '', pinnedText = '', ...rest] = raw.split('!');
  if (!root || !ID.test(root) || rest.length) return undefined;
  const shown = new Map<string, string | null>();
  for (const item of shownText.split(',')) {
    if (item === '') continue;
    const [n, parent, ...more] = item.split('~');
    if (!n || !ID.test(n) || more.length || (parent !== undefined && !ID.test(parent))) return undefined;
    if (!shown.has(n)) shown.set(n, parent ?? null);
  }
  if (shown.size === 0) return undefined;
  for (const [n, parent] of shown) if (parent !== null && !shown.has(parent)) shown.set(n, null);
  const pinned = new Set(pinnedText.split(',').filter((n) => n !== '' && shown.has(n)));
  return { root, shown, pinned };
}
